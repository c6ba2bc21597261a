using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Functions.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.CustomHandler;

/// <summary>
/// The host as deployed, on a real Azurite: the backend on DurableTask.AzureStorage runs orchestrations by itself,
/// and the queue trigger's invocation (what the Functions host posts when it starts the app for a queued message)
/// is acknowledged.
/// </summary>
public sealed class WakeUpTests(Azurite azurite) : IClassFixture<Azurite>
{
    private readonly string taskHub = "q" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task OnDurableTaskAzureStorage_AnOrchestrationRunsToTheEnd()
    {
        using var factory = Host();
        var id = await factory.Durable.ScheduleNewOrchestrationInstanceAsync("Echo", new { network = "Ahus" });

        OrchestrationMetadata? done = null;
        await Progress.WhileMovingAsync(
            async token => done = await factory.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, token),
            () => 0,
            "the orchestration never finished on DurableTask.AzureStorage");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("Ahus", done.ReadOutputAs<JsonElement>().GetProperty("network").GetString());
    }

    [Fact]
    public async Task TheQueueTriggersInvocation_IsAcknowledged()
    {
        using var factory = Host();
        using var http = factory.CreateClient();

        var response = await http.PostAsJsonAsync("/EngineWakeUp", new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = "wake up" },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = 1 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("worker is running", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    private HostFactory Host() => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Durable:Store"] = "AzureStorage",
            ["Durable:ConnectionString"] = azurite.ConnectionString,
            ["Durable:MaxQueuePollingIntervalSeconds"] = "0.5",
            ["Host:TaskHub"] = taskHub,
        },
    };
}
