using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Durable;
using Workflows.Functions.Tests.Support;
using static Workflows.Functions.Tests.Api.OrchestratorEndpointsTests;

namespace Workflows.Functions.Tests.Api;

public sealed class ManagementEndpointsTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private const string Instances = "/runtime/webhooks/durabletask/instances";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> StartApproval(HttpClient http, string id, string input = "\"søknad\"")
    {
        var response = await http.PostAsync($"/api/orchestrators/Approval/{id}", Json(input));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await factory.Durable.WaitForInstanceStartAsync(id);
        return id;
    }

    [Fact]
    public async Task Status_WhileRunning_IsAccepted_AndWhenDone_Ok_WithTheDurableShape()
    {
        using var http = factory.Operator();
        var id = await StartApproval(http, "status-1");

        var running = await http.GetAsync($"{Instances}/{id}");
        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        var body = await running.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Running", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Approval", body.GetProperty("name").GetString());
        Assert.Equal("søknad", body.GetProperty("input").GetString());
        Assert.Equal("approval", body.GetProperty("customStatus").GetProperty("waitingFor").GetString());
        Assert.True(body.TryGetProperty("createdTime", out _) && body.TryGetProperty("lastUpdatedTime", out _));

        var raised = await http.PostAsync($"{Instances}/{id}/raiseEvent/Approved", Json("\"ja\""));
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        await factory.Durable.WaitForInstanceCompletionAsync(id);

        var done = await http.GetAsync($"{Instances}/{id}?showHistory=true");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var final = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", final.GetProperty("runtimeStatus").GetString());
        Assert.Equal("søknad:ja", final.GetProperty("output").GetString());
        Assert.Contains(final.GetProperty("historyEvents").EnumerateArray(), e => e.GetProperty("EventType").GetString() == "EventRaised");
    }

    [Fact]
    public async Task Status_UnknownInstance_IsNotFound()
    {
        using var http = factory.Operator();

        await AssertProblem(await http.GetAsync($"{Instances}/nobody"), HttpStatusCode.NotFound, "nobody");
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_IsGone_AndUnknownIsNotFound()
    {
        using var http = factory.Operator();
        var id = await StartApproval(http, "gone-1");
        await http.PostAsync($"{Instances}/{id}/raiseEvent/Approved", Json("\"ja\""));
        await factory.Durable.WaitForInstanceCompletionAsync(id);

        await AssertProblem(await http.PostAsync($"{Instances}/{id}/raiseEvent/Approved", Json("\"igjen\"")), HttpStatusCode.Gone, "finished");
        await AssertProblem(await http.PostAsync($"{Instances}/nobody/raiseEvent/Approved", Json("1")), HttpStatusCode.NotFound, "nobody");
        await AssertProblem(await http.PostAsync($"{Instances}/{id}/terminate", null), HttpStatusCode.Gone, "finished");
    }

    [Fact]
    public async Task RaiseEvent_BadJson_IsABadRequest()
    {
        using var http = factory.Operator();
        var id = await StartApproval(http, "badevent-1");

        await AssertProblem(await http.PostAsync($"{Instances}/{id}/raiseEvent/Approved", Json("{oops")), HttpStatusCode.BadRequest, "JSON");
    }

    [Fact]
    public async Task Terminate_RecordsTheReasonAsOutput()
    {
        using var http = factory.Operator();
        var id = await StartApproval(http, "terminate-1");

        var response = await http.PostAsync($"{Instances}/{id}/terminate?reason=feil%20enhet", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await factory.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("feil enhet", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendAndResume_HoldAndReleaseEvents()
    {
        using var http = factory.Operator();
        var id = await StartApproval(http, "suspend-1");

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"{Instances}/{id}/suspend?reason=sjekk", null)).StatusCode);
        await http.PostAsync($"{Instances}/{id}/raiseEvent/Approved", Json("\"ja\""));
        await factory.IdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await factory.Durable.GetInstanceAsync(id))!.RuntimeStatus);

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"{Instances}/{id}/resume", null)).StatusCode);

        var done = await factory.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.Equal("søknad:ja", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Query_FiltersByStatusAndPrefix_AndPagesWithTheContinuationHeader()
    {
        using var http = factory.Operator();
        for (var i = 0; i < 3; i++)
        {
            await StartApproval(http, $"query-{i}");
        }

        var first = await http.GetAsync($"{Instances}?instanceIdPrefix=query-&runtimeStatus=Running,Pending&top=2&showInput=true");
        var page1 = await first.Content.ReadFromJsonAsync<JsonElement[]>();
        var token = first.Headers.GetValues("x-ms-continuation-token").Single();
        using var next = new HttpRequestMessage(HttpMethod.Get, $"{Instances}?instanceIdPrefix=query-&runtimeStatus=Running,Pending&top=2");
        next.Headers.Add("x-ms-continuation-token", token);
        var second = await http.SendAsync(next);
        var page2 = await second.Content.ReadFromJsonAsync<JsonElement[]>();

        Assert.NotNull(page1);
        Assert.Equal(["query-0", "query-1"], page1.Select(e => e.GetProperty("instanceId").GetString()));
        Assert.Equal("søknad", page1[0].GetProperty("input").GetString());
        Assert.Equal(["query-2"], page2!.Select(e => e.GetProperty("instanceId").GetString()));
        Assert.False(second.Headers.Contains("x-ms-continuation-token"));
    }

    [Theory]
    [InlineData("runtimeStatus=Sleeping")]
    [InlineData("top=0")]
    [InlineData("createdTimeFrom=yesterday")]
    public async Task Query_BadParameters_AreBadRequests(string query)
    {
        using var http = factory.Operator();

        var response = await http.GetAsync($"{Instances}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Purge_One_RemovesAFinishedInstance_RefusesARunningOne()
    {
        using var http = factory.Operator();
        var running = await StartApproval(http, "purge-running");
        var finished = await StartApproval(http, "purge-finished");
        await http.PostAsync($"{Instances}/{finished}/terminate", null);
        await factory.Durable.WaitForInstanceCompletionAsync(finished);

        await AssertProblem(await http.DeleteAsync($"{Instances}/{running}"), HttpStatusCode.Conflict, "not finished");
        var purged = await http.DeleteAsync($"{Instances}/{finished}");

        Assert.Equal(1, (await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32());
        await AssertProblem(await http.DeleteAsync($"{Instances}/{finished}"), HttpStatusCode.NotFound, finished);
    }

    [Fact]
    public async Task Purge_Many_RemovesFinishedInstancesInTheWindow()
    {
        using var http = factory.Operator();
        var from = TimeProvider.System.GetUtcNow().AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var id = await StartApproval(http, "purge-many-1");
        await http.PostAsync($"{Instances}/{id}/terminate", null);
        await factory.Durable.WaitForInstanceCompletionAsync(id);

        var purged = await http.DeleteAsync($"{Instances}?createdTimeFrom={Uri.EscapeDataString(from)}&runtimeStatus=Terminated");

        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.True((await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32() >= 1);
        Assert.Null(await factory.Durable.GetInstanceAsync(id));
    }

    [Fact]
    public async Task Management_RequiresAKey()
    {
        using var anonymous = factory.CreateClient();

        await AssertProblem(await anonymous.GetAsync($"{Instances}/x"), HttpStatusCode.Unauthorized, "key");
    }
}
