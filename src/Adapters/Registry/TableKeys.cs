using System.Globalization;
using System.Text;
using Workflows.Network.Storage;

namespace Workflows.Adapters.Registry;

/// <summary>Makes any text usable as an Azure Table partition or row key.</summary>
public static class TableKeys
{
    /// <summary>
    /// Escapes what table keys may not hold (<c>/ \ # ?</c>, control characters) and the escape character itself
    /// as <c>%XXXX</c>. The escape keeps prefixes and is reversible, so a prefix of the text is a prefix of the key.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
