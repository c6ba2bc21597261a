using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.Network.Storage;

/// <summary>Computes, stores and redacts the field changes an audit entry records.</summary>
public static class AuditChanges
{
    /// <summary>What a redacted value reads as.</summary>
    public const string Erased = "[erased]";

    /// <summary>The top-level fields that differ between two JSON objects (either may be null: created, deleted).</summary>
    public static IReadOnlyDictionary<string, AuditChange> Between(string? beforeJson, string? afterJson)
    {
        var before = beforeJson is null ? new JsonObject() : JsonNode.Parse(beforeJson)!.AsObject();
        var after = afterJson is null ? new JsonObject() : JsonNode.Parse(afterJson)!.AsObject();
        var changes = new SortedDictionary<string, AuditChange>(StringComparer.Ordinal);
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key)))
        {
            var old = before[name]?.ToJsonString();
            var @new = after[name]?.ToJsonString();
            if (old != @new)
            {
                changes[name] = new AuditChange(old, @new);
            }
        }

        return changes;
    }

    /// <summary>The changes with every value replaced by <see cref="Erased"/>.</summary>
    public static IReadOnlyDictionary<string, AuditChange> Redact(IReadOnlyDictionary<string, AuditChange> changes) =>
        changes.ToDictionary(
            c => c.Key,
            c => new AuditChange(c.Value.Before is null ? null : Erased, c.Value.After is null ? null : Erased),
            StringComparer.Ordinal);

    /// <summary>The changes as stored.</summary>
    public static string Serialize(IReadOnlyDictionary<string, AuditChange> changes) => JsonSerializer.Serialize(changes, RegistryJson.Options);

    /// <summary>The changes read back.</summary>
    public static IReadOnlyDictionary<string, AuditChange> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, AuditChange>>(json, RegistryJson.Options) ?? [];
}
