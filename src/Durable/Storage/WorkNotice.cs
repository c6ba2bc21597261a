using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Durable.Storage;

/// <summary>
/// A wake-up notice on the work queue: "look at this instance's orchestration or activity work at this time".
/// Notices are hints; the store's own records say what is due, so a lost or repeated notice does no harm.
/// </summary>
/// <param name="Kind">What to look at.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="DueAt">When the work is due.</param>
public sealed record WorkNotice(
    [property: JsonPropertyName("kind")] WorkNoticeKind Kind,
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("dueAt")] DateTimeOffset DueAt)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The queue message text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a queue message; <see cref="FormatException"/> when it is not a notice.</summary>
    public static WorkNotice Parse(string text)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<WorkNotice>(text, Json);
            if (notice is { InstanceId.Length: > 0 } && Enum.IsDefined(notice.Kind))
            {
                return notice;
            }
        }
        catch (JsonException)
        {
        }

        throw new FormatException("The queue message is not a work notice.");
    }
}
