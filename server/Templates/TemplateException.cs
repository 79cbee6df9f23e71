namespace ReviewRoom.Templates;

/// <summary>A template file with a mistake, named by file and line so whoever wrote it can mend it.</summary>
public sealed class TemplateException(string file, int line, string problem)
    : Exception($"{file}, line {line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
