using System.Text.Json;
using Workflows.Network;
using Workflows.Network.Storage;

namespace Workflows.Documents.Letters;

/// <summary>
/// The texts of the network's documents, shipped as JSON in the assembly: a network's own file
/// (<c>function-description.innlandet.json</c>) when there is one, else its language's (<c>.nb</c> / <c>.nn</c>).
/// </summary>
internal static class ContentFiles
{
    public static T Read<T>(string document, CompetenceNetwork network)
    {
        var assembly = typeof(ContentFiles).Assembly;
        var language = network.Language == NetworkLanguage.Nynorsk ? "nn" : "nb";
        using var stream = assembly.GetManifestResourceStream($"Workflows.Content.{document}.{network.Id}.json")
            ?? assembly.GetManifestResourceStream($"Workflows.Content.{document}.{language}.json")
            ?? throw new InvalidOperationException($"No text for the document '{document}' in '{language}'.");
        return JsonSerializer.Deserialize<T>(stream, RegistryJson.Options) ?? throw new InvalidDataException($"The text of '{document}' is empty.");
    }
}
