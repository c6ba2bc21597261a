using System.Text.RegularExpressions;

namespace Workflows.Documents;

/// <summary>Checks document keys: relative paths of safe segments, so a key can never leave the store's root.</summary>
public static partial class DocumentKey
{
    /// <summary>No key segment ends so: the folder store keeps each document's description beside it under this suffix.</summary>
    public const string ReservedSuffix = ".meta.json";

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a valid key.</summary>
    public static string Validate(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 512 || !Pattern().IsMatch(key)
            || key.Split('/').Any(segment => segment is "." or ".." || segment.EndsWith(ReservedSuffix, StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"'{key}' is not a document key: use 1 to 512 characters of letters, digits, '-', '_', '.' in '/'-separated segments.", nameof(key));
        }

        return key;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")]
    private static partial Regex Pattern();
}
