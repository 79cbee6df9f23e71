namespace ReviewRoom.Pages.Forms;

/// <summary>The errors on a form, each tied to the field it is about, for the error summary and the fields.</summary>
public sealed class FormErrors
{
    private readonly List<(string FieldId, string Message)> _errors = [];

    public IReadOnlyList<(string FieldId, string Message)> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string fieldId, string message) => _errors.Add((fieldId, message));

    public string? For(string fieldId) => _errors.Find(e => e.FieldId == fieldId).Message;
}
