using System.Collections.Concurrent;

namespace Workflows.Network;

/// <summary>
/// The last decoded form of each large stored entity, keyed by its exact stored text. A course's roster is read
/// for every registration and every count and grows to hundreds of kilobytes; parsing it again when its text has
/// not changed was most of what a registration cost. Comparing the texts is what makes a hit safe: it holds for
/// any store, any number of processes and an entity deleted and created again, with no version reasoning.
/// </summary>
internal sealed class DecodedEntities
{
    /// <summary>Smaller entities parse faster than their text is compared and kept; they are not remembered.</summary>
    private const int SmallestRemembered = 16 * 1024;

    /// <summary>Enough for every course open at once in several networks; beyond it the memory is simply cleared.</summary>
    private const int MostRemembered = 64;

    private readonly ConcurrentDictionary<(string Kind, string Id), (string Json, object Entity)> entries = new();

    /// <summary>The entity decoded from exactly <paramref name="json"/>; null when it is not remembered.</summary>
    public T? Recall<T>(string kind, string id, string json)
        where T : class =>
        json.Length >= SmallestRemembered && entries.TryGetValue((kind, id), out var entry) && string.Equals(entry.Json, json, StringComparison.Ordinal)
            ? entry.Entity as T
            : null;

    /// <summary>Remembers <paramref name="entity"/> as the decoded form of <paramref name="json"/>.</summary>
    public void Remember(string kind, string id, string json, object entity)
    {
        if (json.Length < SmallestRemembered)
        {
            return;
        }

        if (entries.Count >= MostRemembered)
        {
            entries.Clear();
        }

        entries[(kind, id)] = (json, entity);
    }
}
