using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Workflows.Durable;
using Workflows.Functions.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.CustomHandler;

/// <summary>
/// The queue trigger's path on a real Azurite: the engine's own loop is off, so an orchestration finishes only if
/// posting each queued notice to /EngineWakeUp (as the Functions host does) runs the work it names.
/// </summary>
public sealed class QueueWakeUpTests(Azurite azurite) : IClassFixture<Azurite>
{
    private readonly string taskHub = "q" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task QueuedNotices_PostedToTheWakeUpFunction_RunAnOrchestrationToTheEnd()
    {
        using var factory = Host();
        using var http = factory.CreateClient();
        var queue = Queue($"{taskHub}-work");

        var id = await factory.Durable.ScheduleNewOrchestrationInstanceAsync("Echo", new { network = "Ahus" });
        var handled = 0;
        for (var round = 0; round < 20 && (await factory.Durable.GetInstanceAsync(id))!.RuntimeStatus != OrchestrationRuntimeStatus.Completed; round++)
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
            {
                var response = await http.PostAsJsonAsync("/EngineWakeUp", Invocation(message.MessageText, message.DequeueCount));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                handled++;
            }
        }

        var done = await factory.Durable.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("Ahus", done.ReadOutputAs<JsonElement>().GetProperty("network").GetString());
        Assert.True(handled >= 1);
    }

    [Fact]
    public async Task AMessageThatIsNotANotice_IsSetAsideOnThePoisonQueue_NotRetried()
    {
        using var factory = Host();
        using var http = factory.CreateClient();

        var response = await http.PostAsJsonAsync("/EngineWakeUp", Invocation("""{"hello":"world"}""", 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var poisoned = Assert.Single((await Queue($"{taskHub}-work-poison").ReceiveMessagesAsync(10)).Value);
        Assert.Contains("not a work notice", poisoned.MessageText, StringComparison.Ordinal);
    }

    private HostFactory Host() => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Durable:Store"] = "AzureStorage",
            ["Durable:ConnectionString"] = azurite.ConnectionString,
            ["Durable:RunWorkerLoop"] = "false",
            ["Host:TaskHub"] = taskHub,
        },
    };

    private QueueClient Queue(string name) =>
        new(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>What the Functions host posts for a queue trigger: the message under the binding's name, and its metadata.</summary>
    private static JsonObject Invocation(string message, long dequeueCount) => new()
    {
        ["Data"] = new JsonObject { ["message"] = message },
        ["Metadata"] = new JsonObject { ["DequeueCount"] = dequeueCount },
    };
}
