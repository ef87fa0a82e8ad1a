namespace Platform.Core.Jobs.Spec;

/// <summary>Messages for names the spec does not know, with a guess at the one that was meant.</summary>
internal static class FieldNames
{
    private const int MaxTypos = 2;

    public static string Unknown(string kind, string name, IEnumerable<string> known)
    {
        // Beyond MaxTypos characters apart in length no name is within MaxTypos edits: skip the quadratic distance.
        var guess = known
            .Where(k => Math.Abs(k.Length - name.Length) <= MaxTypos)
            .Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= MaxTypos && k.Distance < name.Length)
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();
        var quoted = SpecValues.Truncate(name);
        return guess is null ? $"unknown {kind} '{quoted}'" : $"unknown {kind} '{quoted}' (did you mean '{guess}'?)";
    }

    /// <summary>Levenshtein distance: the fewest single-character edits from one to the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
