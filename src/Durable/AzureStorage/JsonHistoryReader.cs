using System.Runtime.CompilerServices;
using DurableTask.AzureStorage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using H = DurableTask.Core.History;

namespace Workflows.Durable.AzureStorage;

/// <summary>
/// Reads an instance's history from DurableTask.AzureStorage, which hands it out as JSON without type names: each
/// event's <c>EventType</c> says which of DurableTask.Core's history classes it is.
/// </summary>
internal sealed class JsonHistoryReader : IOrchestrationHistoryReader
{
    private static readonly Dictionary<H.EventType, Type> Types = H.HistoryEvent.KnownTypes()
        .Where(t => !t.IsAbstract)
        .Select(t => (Type: t, Sample: (H.HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)))
        .GroupBy(x => x.Sample.EventType)
        .ToDictionary(g => g.Key, g => g.First().Type);

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
    });

    private readonly AzureStorageOrchestrationService service;

    public JsonHistoryReader(AzureStorageOrchestrationService service) => this.service = service;

    public async Task<IReadOnlyList<H.HistoryEvent>> ReadHistoryAsync(string instanceId, CancellationToken cancellation)
    {
        var json = await service.GetOrchestrationHistoryAsync(instanceId, null).ConfigureAwait(false);
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        return JArray.Parse(json)
            .OfType<JObject>()
            .Select(e => Types.TryGetValue((H.EventType)e.Value<int>(nameof(H.HistoryEvent.EventType)), out var type) ? (H.HistoryEvent?)e.ToObject(type, Serializer) : null)
            .OfType<H.HistoryEvent>()
            .ToList();
    }
}
