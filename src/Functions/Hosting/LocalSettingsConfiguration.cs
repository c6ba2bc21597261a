using System.Text.Json;

namespace Workflows.Functions.Hosting;

/// <summary>
/// Reads <c>local.settings.json</c> the way the Functions tools do: its <c>Values</c> become configuration, with
/// <c>__</c> in a name standing for a section separator (<c>Host__DataDirectory</c> is <c>Host:DataDirectory</c>).
/// They have the lowest precedence: appsettings, environment variables and the command line override them.
/// </summary>
public static class LocalSettingsConfiguration
{
    /// <summary>Adds the Values of <paramref name="path"/>, when the file exists, below every other source.</summary>
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!File.Exists(path))
        {
            return configuration;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in section.EnumerateObject())
            {
                values[value.Name.Replace("__", ":", StringComparison.Ordinal)] =
                    value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
            }
        }

        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
        return configuration;
    }
}
