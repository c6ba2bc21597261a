using System.Globalization;
using System.Text;

namespace Workflows.Durable.Storage;

/// <summary>Continuation tokens for instance queries: the creation time and key of the last instance returned.</summary>
internal static class QueryToken
{
    public static string Encode(long createdTicks, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{createdTicks.ToString(CultureInfo.InvariantCulture)}|{key}"));

    /// <summary>Reads a token; null for none, <see cref="ArgumentException"/> for one no store issued.</summary>
    public static (long CreatedTicks, string Key)? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return (ticks, text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));
    }
}
