using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Functions.Tests.Support;
using Workflows.Functions.Timers;

using Workflows.TestSupport;

namespace Workflows.Functions.Tests.CustomHandler;

public sealed class InvocationEndpointsTests
{
    private const string TimerPayload = """
        {
          "Data": { "timer": { "Schedule": { "AdjustForDST": true }, "ScheduleStatus": null, "IsPastDue": false } },
          "Metadata": { "sys": { "MethodName": "TestTick", "UtcNow": "2026-10-13T05:00:00Z", "RandGuid": "0f8fad5b-d9cb-469f-a165-70867728950e" } }
        }
        """;

    [Fact]
    public async Task TimerInvocation_RunsTheTimerFunction_AndAnswersWithOutputsLogsAndReturnValue()
    {
        var ran = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var factory = new HostFactory().WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton(new TimerFunction("TestTick", "0 0 7 * * *", (_, at, _) =>
            {
                ran.TrySetResult(at);
                return Task.CompletedTask;
            }))));
        using var http = factory.CreateClient();

        var response = await http.PostAsync("/TestTick", new StringContent(TimerPayload, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains("TestTick", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.True(ran.Task.IsCompleted);
    }

    [Fact]
    public async Task QueueInvocation_WakesTheEngine()
    {
        using var factory = new HostFactory();
        using var http = factory.CreateClient();
        const string payload = """{ "Data": { "message": "work" }, "Metadata": { "DequeueCount": 1, "Id": "m1" } }""";

        var response = await http.PostAsync("/EngineWakeUp", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(body.GetProperty("Logs").EnumerateArray());
    }

    [Fact]
    public async Task RealProcess_StartedAsACustomHandler_AnswersHealthAndInvocations()
    {
        await using var app = await AppProcess.StartAsync();
        using var http = app.Client();

        var health = await http.GetFromJsonAsync<JsonElement>("/api/health");
        var wake = await http.PostAsync("/EngineWakeUp", new StringContent("""{"Data":{"message":"x"},"Metadata":{}}""", System.Text.Encoding.UTF8, "application/json"));
        http.DefaultRequestHeaders.Add("x-functions-key", app.GeneratedKey());
        var query = await http.GetAsync("/runtime/webhooks/durabletask/instances");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, wake.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }
}
