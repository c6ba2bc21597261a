using Workflows.Durable.History;
using Workflows.Durable.Storage;

namespace Workflows.Durable.Tests.Serialization;

public sealed class JsonDataConverterTests
{
    public sealed record NurseInput(string Name, DateOnly Start, bool HasFurtherEducation, OrchestrationRuntimeStatus Status);

    [Fact]
    public void Records_RoundTrip_WithCamelCaseAndEnumsAsStrings()
    {
        var input = new NurseInput("Åse Øvrebø", new DateOnly(2026, 12, 1), false, OrchestrationRuntimeStatus.Pending);

        var json = JsonDataConverter.Default.Serialize(input);

        Assert.Equal("""{"name":"Åse Øvrebø","start":"2026-12-01","hasFurtherEducation":false,"status":"Pending"}""", System.Text.RegularExpressions.Regex.Unescape(json!));
        Assert.Equal(input, JsonDataConverter.Default.Deserialize<NurseInput>(json));
    }

    [Fact]
    public void Null_StaysNull()
    {
        Assert.Null(JsonDataConverter.Default.Serialize(null));
        Assert.Null(JsonDataConverter.Default.Deserialize<NurseInput>(null));
    }

    public static TheoryData<HistoryEvent> Events() => new()
    {
        new ExecutionStartedEvent("Onboard", "{}") { Parent = new ParentInstance("p", "e", 3), CarriedEvents = [new EventRaisedEvent("Signed", "1")] },
        new OrchestratorStartedEvent { Timestamp = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc) },
        new TaskScheduledEvent(1, "Send", "\"x\""),
        new TaskCompletedEvent(1, "2"),
        new TaskFailedEvent(1, new TaskFailureDetails("E", "m", "s", new TaskFailureDetails("I", "n", null, null))),
        new TimerCreatedEvent(2, new DateTime(2026, 4, 5, 0, 0, 0, DateTimeKind.Utc)),
        new TimerFiredEvent(2, new DateTime(2026, 4, 5, 0, 0, 0, DateTimeKind.Utc)),
        new SubOrchestrationCreatedEvent(3, "Child", "c", null),
        new SubOrchestrationCompletedEvent(3, "1"),
        new SubOrchestrationFailedEvent(3, new TaskFailureDetails("E", "m", null, null)),
        new EventRaisedEvent("Signed", "true"),
        new EventSentEvent(4, "other", "Ping", null),
        new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, "1", null),
        new ExecutionTerminatedEvent("\"stop\""),
        new ExecutionSuspendedEvent("why"),
        new ExecutionResumedEvent(null),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void HistoryEvents_RoundTripThroughTheStoredJson(HistoryEvent e)
    {
        var back = EventSerializer.Deserialize(EventSerializer.Serialize(e));

        Assert.Equal(e.GetType(), back.GetType());
        Assert.Equal(EventSerializer.Serialize(e), EventSerializer.Serialize(back));
    }
}
