using System.Text;

namespace Workflows.Wheel.Calendar;

/// <summary>Enum names as calendar files write them: <c>StrategyRevision</c> as <c>strategy-revision</c>.</summary>
public static class Kebab
{
    /// <summary>The kebab-case name of <paramref name="value"/>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(text[i]));
        }

        return builder.ToString();
    }

    /// <summary>Every name of <typeparamref name="T"/>, as files write them.</summary>
    public static IEnumerable<string> Names<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(Name);

    /// <summary>The value named <paramref name="text"/>.</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
