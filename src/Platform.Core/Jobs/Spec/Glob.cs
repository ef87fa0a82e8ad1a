namespace Platform.Core.Jobs.Spec;

/// <summary>Wildcard matching with <c>*</c> (any run) and <c>?</c> (any one character).</summary>
internal static class Glob
{
    /// <summary>
    /// Matches the whole of <paramref name="text"/>. Greedy with one remembered star, so the cost
    /// stays within pattern length times text length, however many stars there are.
    /// </summary>
    public static bool IsMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]) && pattern[p] != '*')
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
