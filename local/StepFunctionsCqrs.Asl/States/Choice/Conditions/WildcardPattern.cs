namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>StringMatches patterns: * matches any run of characters; \* and \\ stand for a literal * and \.</summary>
internal static class WildcardPattern
{
    public static bool Matches(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                // Collapse consecutive stars, then try every split point.
                while (p < pattern.Length && pattern[p] == '*') p++;
                if (p == pattern.Length) return true;
                for (var k = t; k <= text.Length; k++)
                {
                    if (Match(pattern, p, text, k)) return true;
                }
                return false;
            }
            if (c == '\\' && p + 1 < pattern.Length)
            {
                c = pattern[p + 1];
                p++;
            }
            if (t >= text.Length || text[t] != c) return false;
            p++;
            t++;
        }
        return t == text.Length;
    }
}
