using System.Text.Json;

namespace Workflows.Durable;

/// <summary>One notice: which instance has work falling due, and when.</summary>
public sealed record DueWorkNotice(string InstanceId, DateTimeOffset DueAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The notice as the queue holds it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a notice; null for a message that is not one (it is then only a wake-up).</summary>
    public static DueWorkNotice? Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DueWorkNotice>(message, Json) is { InstanceId.Length: > 0 } notice ? notice : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
