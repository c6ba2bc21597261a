using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Network;

public sealed class RegistryApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Bad_input_gets_clear_problems_and_changes_nothing()
    {
        await using var scenario = new NetworkScenario();
        var http = scenario.Http;

        var missing = await http.PostAsync("/api/nurses", Json("""{"unitId":"lorenskog-sykehjem"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("email", out _));

        var unknownUnit = await http.PostAsync("/api/nurses", Json("""{"unitId":"no-such-unit","name":"A B","email":"a@b.example"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownUnit.StatusCode);
        Assert.True((await unknownUnit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("unitId", out _));
        var badEmail = await http.PostAsync("/api/nurses", Json("""{"unitId":"lorenskog-sykehjem","name":"A B","email":"not an address"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/nurses", Json("""{"unitId": """))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/nurses", Json("""{"unitId":"lorenskog-sykehjem","startDate":"soon"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/nurses", Json("[]"))).StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/api/networks/ahus/name-list?includeInactive=true")).EnumerateArray());
        Assert.Empty(scenario.Outbox());

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/nurses/rn-nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/nurses/rn-nobody/resignation", new { endDate = "2026-04-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/nurses/rn-nobody/resignation/close-replacement", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/networks/nowhere/name-list")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/networks/nowhere/coverage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/networks/ahus/name-list?areaId=nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/networks/ahus/name-list?format=xml")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/networks/ahus/coverage?asOf=yesterday")).StatusCode);

        var nurseId = await scenario.RegisterNurseAsync("lorenskog-sykehjem", "Kari Nordmann", "kari@lorenskog.example");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.PostAsync($"/api/nurses/{nurseId}/resignation", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.PostAsJsonAsync($"/api/nurses/{nurseId}/resignation", new { endDate = "2025-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"/api/nurses/{nurseId}/onboarding", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync("/api/units/lorenskog-sykehjem")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync("/api/networks/ahus")).StatusCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.PostAsync("/api/networks", Json("""{"id":"Not A Slug","name":"X","networkLeader":{"name":"L","email":"l@x.example"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync("/api/networks", Json("""{"id":"ahus","name":"X","networkLeader":{"name":"L","email":"l@x.example"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.PostAsync("/api/units", Json("""{"id":"ny-enhet","networkId":"ahus","areaId":"forde-sogn","name":"Ny","municipality":"Lørenskog","nearestLeader":{"name":"L","email":"l@x.example"}}"""))).StatusCode);

        var unit = await http.GetAsync("/api/units/eidsvoll-sykehjem");
        var etag = unit.Headers.ETag!.Tag;
        var body = await unit.Content.ReadAsStringAsync();
        using var update = new HttpRequestMessage(HttpMethod.Put, "/api/units/eidsvoll-sykehjem") { Content = Json(body.Replace("Eidsvoll sykehjem", "Eidsvoll helsehus", StringComparison.Ordinal)) };
        update.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(update)).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/units/eidsvoll-sykehjem") { Content = Json(body) };
        stale.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.Conflict, (await http.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.PutAsync("/api/units/lorenskog-sykehjem", Json(body))).StatusCode);

        var audit = await http.GetFromJsonAsync<JsonElement>("/api/units/eidsvoll-sykehjem/audit");
        var change = audit.EnumerateArray().Last();
        Assert.Equal("updated", change.GetProperty("action").GetString());
        Assert.Equal("\"Eidsvoll helsehus\"", change.GetProperty("changes").GetProperty("name").GetProperty("after").GetString());
    }

    [Fact]
    public async Task The_name_list_downloads_as_CSV_for_Excel_and_coverage_shows_units_without_a_nurse()
    {
        await using var scenario = new NetworkScenario();
        await scenario.RegisterNurseAsync("stryn-heimesjukepleie", "Åse Ødegård", "ase@stryn.example");

        var csv = await scenario.Http.GetAsync("/api/networks/helse-forde/name-list?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id;Namn;E-post;Telefon;Område;Eining", lines[0], StringComparison.Ordinal);
        Assert.Contains("Åse Ødegård;ase@stryn.example", lines[1], StringComparison.Ordinal);
        Assert.Contains("Heimesjukepleie", lines[1], StringComparison.Ordinal);

        var coverage = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/coverage");
        Assert.Equal(7, coverage.GetProperty("units").GetInt32());
        Assert.Equal(1, coverage.GetProperty("coveredUnits").GetInt32());
        Assert.Equal(6, coverage.GetProperty("uncoveredUnits").GetArrayLength());
        var stryn = coverage.GetProperty("byMunicipality").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "Stryn");
        Assert.Equal(1, stryn.GetProperty("coveredUnits").GetInt32());
        var nordfjord = coverage.GetProperty("byArea").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "forde-nordfjord");
        Assert.Equal(2, nordfjord.GetProperty("units").GetInt32());
        Assert.Equal(1, nordfjord.GetProperty("coveredUnits").GetInt32());
    }
}
