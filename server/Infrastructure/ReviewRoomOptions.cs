using System.ComponentModel.DataAnnotations;

namespace ReviewRoom.Infrastructure;

/// <summary>Settings from the "ReviewRoom" configuration section; every one has a working default.</summary>
public sealed class ReviewRoomOptions
{
    public const string Section = "ReviewRoom";

    /// <summary>Where the LiteDB file lives. Relative paths are taken from the app's content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>The folder of meeting templates (*.md).</summary>
    [Required]
    public string TemplatesPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates");

    public string DatabaseFile => Path.Combine(DataPath, "reviewroom.db");
}
