namespace ReviewRoom;

/// <summary>The key for every user-facing string: Resources/SharedResource.resx (English), later .cy.resx (Welsh).</summary>
public sealed class SharedResource;
