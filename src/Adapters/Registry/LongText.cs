using System.Globalization;
using Azure.Data.Tables;
using Workflows.Network.Storage;

namespace Workflows.Adapters.Registry;

/// <summary>
/// Text longer than one table property holds (64 KiB, 32K UTF-16 characters) spread over numbered properties
/// (<c>Json</c>, <c>Json1</c>, <c>Json2</c>, …) of one row, which holds up to 1 MiB.
/// </summary>
internal static class LongText
{
    private const int PartLength = 30_000;

    public static void Write(TableEntity row, string name, string text)
    {
        var part = 0;
        for (var start = 0; start < text.Length || part == 0; part++)
        {
            var length = Math.Min(PartLength, text.Length - start);
            if (length > 0 && start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                // Never split a surrogate pair: each property must be valid UTF-16 on its own.
                length--;
            }

            row[PartName(name, part)] = text.Substring(start, length);
            start += length;
        }
    }

    public static string Read(TableEntity row, string name)
    {
        var first = row.GetString(name) ?? string.Empty;
        if (!row.ContainsKey(PartName(name, 1)))
        {
            return first;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var part = 1; row.GetString(PartName(name, part)) is { } next; part++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }

    private static string PartName(string name, int part) => part == 0 ? name : name + part.ToString(CultureInfo.InvariantCulture);
}
