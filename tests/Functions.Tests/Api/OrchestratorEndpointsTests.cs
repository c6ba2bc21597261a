using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Durable;
using Workflows.Functions.Api;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Api;

public sealed class OrchestratorEndpointsTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Start_AnswersAcceptedWithTheCheckStatusPayload()
    {
        using var http = factory.Operator();

        var response = await http.PostAsync("/api/orchestrators/Echo/start-1", Json("""{"nurse":"Åse"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("start-1", payload.GetProperty("id").GetString());
        var status = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.StartsWith("http://localhost/runtime/webhooks/durabletask/instances/start-1?taskHub=workflows&connection=Storage&code=", status, StringComparison.Ordinal);
        Assert.Equal(status, response.Headers.Location!.ToString());
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter!.Delta);
        foreach (var uri in new[] { "sendEventPostUri", "terminatePostUri", "suspendPostUri", "resumePostUri", "purgeHistoryDeleteUri" })
        {
            Assert.Contains("/instances/start-1", payload.GetProperty(uri).GetString(), StringComparison.Ordinal);
        }

        Assert.Contains("/raiseEvent/{eventName}?", payload.GetProperty("sendEventPostUri").GetString(), StringComparison.Ordinal);
        var done = await factory.Durable.WaitForInstanceCompletionAsync("start-1", getInputsAndOutputs: true);
        Assert.Equal("Åse", done.ReadOutputAs<JsonElement>().GetProperty("nurse").GetString());
    }

    [Fact]
    public async Task Start_WithoutInstanceIdOrBody_MakesAnId()
    {
        using var http = factory.Operator();

        var response = await http.PostAsync("/api/orchestrators/Echo", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await response.Content.ReadFromJsonAsync<CheckStatusPayload>();
        Assert.Equal(32, payload!.Id.Length);
    }

    [Fact]
    public async Task Start_IdOfARunningInstance_IsAConflict()
    {
        using var http = factory.Operator();
        await http.PostAsync("/api/orchestrators/Approval/taken", Json("\"x\""));

        var response = await http.PostAsync("/api/orchestrators/Approval/taken", Json("\"y\""));

        await AssertProblem(response, HttpStatusCode.Conflict, "already in use");
    }

    [Fact]
    public async Task Start_UnknownOrchestrator_IsNotFound()
    {
        using var http = factory.Operator();

        await AssertProblem(await http.PostAsync("/api/orchestrators/NoSuchFlow", null), HttpStatusCode.NotFound, "NoSuchFlow");
    }

    [Fact]
    public async Task Start_BodyThatIsNotJson_IsABadRequest_AndStartsNothing()
    {
        using var http = factory.Operator();

        await AssertProblem(await http.PostAsync("/api/orchestrators/Echo/bad-json", Json("{not json")), HttpStatusCode.BadRequest, "not valid JSON");

        Assert.Null(await factory.Durable.GetInstanceAsync("bad-json"));
    }

    [Fact]
    public async Task Start_OversizedBody_IsRejected_AndStartsNothing()
    {
        using var http = factory.Operator();
        var big = "\"" + new string('x', HostFactory.BodyLimit) + "\"";

        await AssertProblem(await http.PostAsync("/api/orchestrators/Echo/too-big", Json(big)), HttpStatusCode.RequestEntityTooLarge, "at most");

        Assert.Null(await factory.Durable.GetInstanceAsync("too-big"));
    }

    [Fact]
    public async Task Start_InvalidInstanceId_IsABadRequest()
    {
        using var http = factory.Operator();

        await AssertProblem(await http.PostAsync("/api/orchestrators/Echo/" + new string('a', 300), null), HttpStatusCode.BadRequest, "instance id");
    }

    [Fact]
    public async Task Start_WithoutKey_IsUnauthorized_AndWithAWrongKey_Forbidden()
    {
        using var anonymous = factory.CreateClient();
        await AssertProblem(await anonymous.PostAsync("/api/orchestrators/Echo", null), HttpStatusCode.Unauthorized, "x-functions-key");

        using var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("x-functions-key", "nope");
        await AssertProblem(await wrong.PostAsync("/api/orchestrators/Echo", null), HttpStatusCode.Forbidden, "not valid");

        var byQuery = await anonymous.PostAsync($"/api/orchestrators/Echo?code={HostFactory.Key}", null);
        Assert.Equal(HttpStatusCode.Accepted, byQuery.StatusCode);
    }

    [Fact]
    public async Task Health_IsOpen()
    {
        using var anonymous = factory.CreateClient();

        var health = await anonymous.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.Equal("sqlite", health.GetProperty("store").GetString());
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_AndItsUi_AreServed()
    {
        using var anonymous = factory.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json");
        var ui = await anonymous.GetAsync("/api/docs/index.html");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/orchestrators/{name}/{instanceId}", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/runtime/webhooks/durabletask/instances/{instanceId}/raiseEvent/{eventName}", out _));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var text = problem.GetProperty("title").GetString() + " " + (problem.TryGetProperty("detail", out var detail) ? detail.GetString() : string.Empty);
        Assert.Contains(detailPart, text, StringComparison.OrdinalIgnoreCase);
    }
}
