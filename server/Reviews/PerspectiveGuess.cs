namespace ReviewRoom.Reviews;

/// <summary>
/// Which of a grid's perspectives someone most likely speaks from, guessed from how they know the
/// person. Only a default: everyone can choose another.
/// </summary>
public static class PerspectiveGuess
{
    private static readonly (string Perspective, string[] Words)[] Clues =
    [
        ("family", ["family", "mum", "mom", "mother", "dad", "father", "parent", "sister", "brother", "son", "daughter", "grand", "aunt", "uncle", "cousin", "niece", "nephew", "wife", "husband", "partner", "friend"]),
        ("staff", ["staff", "support", "carer", "care worker", "keyworker", "key worker", "manager", "assistant", "pa"]),
        ("professional", ["professional", "social worker", "nurse", "doctor", "gp", "teacher", "therapist", "psychologist", "psychiatrist", "consultant", "ot", "advocate", "facilitator"]),
    ];

    public static string For(string relationship, IReadOnlyList<string> perspectives)
    {
        var words = relationship.ToLowerInvariant();
        foreach (var (perspective, clues) in Clues)
        {
            if (clues.Any(c => words.Split(' ', '-', '/').Contains(c) || (c.Contains(' ', StringComparison.Ordinal) && words.Contains(c, StringComparison.Ordinal)))
                && perspectives.FirstOrDefault(p => p.Contains(perspective, StringComparison.OrdinalIgnoreCase)) is { } match)
            {
                return match;
            }
        }

        return perspectives[0];
    }
}
