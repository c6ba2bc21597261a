using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Functions.Tests.Support;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Resignation;

namespace Workflows.Functions.Tests.Network;

public sealed class ResignationFlowTests
{
    [Fact]
    public async Task A_resignation_notifies_leaders_finds_a_replacement_updates_lists_and_erases_after_retention()
    {
        await using var scenario = new NetworkScenario();
        var nurseId = await OnboardedNurseAsync(scenario, "kinn-sjukeheim", "Olav Berg", "olav@kinn.example");

        var response = await scenario.Http.PostAsJsonAsync($"/api/nurses/{nurseId}/resignation", new { endDate = "2026-03-31", reportedBy = "Nurse" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await scenario.IdleAsync();
        var mail = scenario.NewMail();
        foreach (var leader in new[] { "nettverksleiar@helse-forde.example", "forde-sunnfjord@helse-forde.example", "kinn-sjukeheim.leder@helse-forde.example" })
        {
            var notice = NetworkScenario.To(mail, leader, "Olav Berg sluttar som ressurssjukepleiar 31. mars 2026");
            Assert.Contains("Meldinga kom frå Olav Berg", notice.TextBody, StringComparison.Ordinal);
        }

        var request = NetworkScenario.To(mail, "kinn-sjukeheim.leder@helse-forde.example", "Ny ressurssjukepleiar i Florø sjukeheim?");
        var nominate = NetworkScenario.LinkIn(request, "nominate");
        Assert.Equal(NurseStatus.Resigning, (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity.Status);
        Assert.Contains(await NameListAsync(scenario), row => row.GetProperty("nurseId").GetString() == nurseId);

        await scenario.AdvanceAsync(TimeSpan.FromDays(14));
        var reminder = NetworkScenario.To(scenario.NewMail(), "kinn-sjukeheim.leder@helse-forde.example", "Påminning: Ny ressurssjukepleiar");
        Assert.Equal(nominate, NetworkScenario.LinkIn(reminder, "nominate"));

        var form = await scenario.Http.GetStringAsync(nominate);
        Assert.Contains("<label for=\"email\">E-post</label>", form, StringComparison.Ordinal);
        var rejected = await scenario.Http.PostAsync(nominate, new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Siv Lie", ["email"] = "ikkje-ei-adresse" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var faults = await rejected.Content.ReadAsStringAsync();
        Assert.Contains("Skriv inn ei gyldig e-postadresse", faults, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(form, faults);
        var accepted = await scenario.Http.PostAsync(nominate, new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Siv Lie", ["email"] = "siv@kinn.example", ["startDate"] = "2026-04-01" }));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var used = await scenario.Http.GetAsync(nominate);
        Assert.Equal(HttpStatusCode.Conflict, used.StatusCode);
        await Browser.AssertAccessibleAsync(await used.Content.ReadAsStringAsync());
        await scenario.IdleAsync();
        var resignation = await scenario.Durable.GetInstanceAsync(ResignationOrchestration.InstanceIdFor(nurseId), getInputsAndOutputs: true);
        Assert.True(resignation is { IsRunning: true }, await scenario.Http.GetStringAsync($"/runtime/webhooks/durabletask/instances/{resignation?.InstanceId}?showHistory=true&showHistoryOutput=true"));
        mail = scenario.NewMail();
        NetworkScenario.To(mail, "siv@kinn.example", "Velkomen som ressurssjukepleiar");
        NetworkScenario.To(mail, "nettverksleiar@helse-forde.example", "Ny ressurssjukepleiar foreslått for Florø sjukeheim");
        var status = (await scenario.Durable.GetInstanceAsync(ResignationOrchestration.InstanceIdFor(nurseId), getInputsAndOutputs: true))!.ReadCustomStatusAs<ResignationStatus>()!;
        Assert.Equal(ReplacementState.Nominated, status.Replacement);
        Assert.NotNull(status.ReplacementNurseId);

        // After the end date the nurse leaves the name list; the unit is covered again once the replacement starts.
        await scenario.AdvanceAsync(TimeSpan.FromDays(17));
        Assert.Equal(NurseStatus.Inactive, (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity.Status);
        var names = await NameListAsync(scenario);
        Assert.DoesNotContain(names, row => row.GetProperty("nurseId").GetString() == nurseId);
        Assert.Contains(names, row => row.GetProperty("nurseId").GetString() == status.ReplacementNurseId);
        var coverage = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/coverage?asOf=2026-04-01");
        Assert.DoesNotContain(coverage.GetProperty("uncoveredUnits").EnumerateArray(), u => u.GetProperty("unitId").GetString() == "kinn-sjukeheim");
        var lastDay = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/coverage?asOf=2026-03-31");
        Assert.DoesNotContain(lastDay.GetProperty("uncoveredUnits").EnumerateArray(), u => u.GetProperty("unitId").GetString() == "kinn-sjukeheim");

        // Twelve months after the end date the personal data goes; the service record stays.
        await scenario.AdvanceAsync(TimeSpan.FromDays(370));
        var erased = (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity;
        Assert.Equal(NurseStatus.Erased, erased.Status);
        Assert.Null(erased.Name);
        Assert.Null(erased.Email);
        Assert.Equal(new DateOnly(2026, 3, 31), erased.EndDate);
        Assert.NotNull(erased.SignedFunctionDescriptionKey);
        Assert.NotNull(await scenario.Documents.GetAsync(erased.SignedFunctionDescriptionKey!));
        var audit = await scenario.Registry.AuditTrailAsync<ResourceNurse>(nurseId);
        Assert.DoesNotContain(audit, e => e.Changes.Values.Any(c => (c.Before ?? string.Empty).Contains("Olav", StringComparison.Ordinal) || (c.After ?? string.Empty).Contains("Olav", StringComparison.Ordinal)));
        Assert.Contains(audit, e => e.Action == "erased");
        var done = await scenario.Durable.WaitForInstanceCompletionAsync(ResignationOrchestration.InstanceIdFor(nurseId));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
    }

    [Fact]
    public async Task Personal_data_is_erased_on_its_date_while_the_replacement_request_is_still_open()
    {
        await using var scenario = new NetworkScenario(new Dictionary<string, string> { ["Workflows:RetentionMonths"] = "1" });
        var nurseId = await OnboardedNurseAsync(scenario, "kinn-sjukeheim", "Olav Berg", "olav@kinn.example");
        await scenario.Http.PostAsJsonAsync($"/api/nurses/{nurseId}/resignation", new { endDate = "2026-03-31", reportedBy = "Nurse" });
        await scenario.IdleAsync();
        scenario.NewMail();

        // The end date is 31 March; a month later, 1 May, her data goes, though nobody has been nominated.
        await scenario.AdvanceAsync(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        var erased = (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity;
        Assert.Equal(NurseStatus.Erased, erased.Status);
        Assert.Null(erased.Name);
        var status = (await scenario.Durable.GetInstanceAsync(ResignationOrchestration.InstanceIdFor(nurseId), getInputsAndOutputs: true))!;
        Assert.True(status.IsRunning);
        Assert.Equal(ReplacementState.Requested, status.ReadCustomStatusAs<ResignationStatus>()!.Replacement);
        Assert.True(status.ReadCustomStatusAs<ResignationStatus>()!.Erased);

        // The request goes on without her name.
        scenario.NewMail();
        await scenario.AdvanceAsync(TimeSpan.FromDays(14));
        var reminder = NetworkScenario.To(scenario.NewMail(), "kinn-sjukeheim.leder@helse-forde.example", "Påminning: Ny ressurssjukepleiar");
        Assert.DoesNotContain("Olav", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("når ressurssjukepleiaren sluttar", reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_can_close_the_replacement_request()
    {
        await using var scenario = new NetworkScenario();
        var nurseId = await OnboardedNurseAsync(scenario, "stad-sjukeheim", "Eva Moe", "eva@stad.example");
        await scenario.Http.PostAsJsonAsync($"/api/nurses/{nurseId}/resignation", new { endDate = "2026-06-30" });
        await scenario.IdleAsync();
        var nominate = NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), "stad-sjukeheim.leder@helse-forde.example", "Ny ressurssjukepleiar"), "nominate");

        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.PostAsJsonAsync($"/api/nurses/{nurseId}/resignation", new { endDate = "2026-06-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await scenario.Http.PostAsync($"/api/nurses/{nurseId}/resignation/close-replacement", null)).StatusCode);
        await scenario.IdleAsync();
        Assert.Equal(HttpStatusCode.Gone, (await scenario.Http.GetAsync(nominate)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.PostAsync($"/api/nurses/{nurseId}/resignation/close-replacement", null)).StatusCode);
        await scenario.AdvanceAsync(TimeSpan.FromDays(30));
        Assert.DoesNotContain(scenario.NewMail(), m => m.Subject?.Contains("Ny ressurssjukepleiar", StringComparison.Ordinal) == true);
    }

    private static async Task<string> OnboardedNurseAsync(NetworkScenario scenario, string unitId, string name, string email)
    {
        var nurseId = await scenario.RegisterNurseAsync(unitId, name, email);
        foreach (var signer in new[] { email, $"{unitId}.leder@helse-forde.example", "nettverksleiar@helse-forde.example" })
        {
            await scenario.SignAsync(NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), signer, "Signer funksjonsskildringa"), "sign"));
        }

        scenario.NewMail();
        Assert.Equal(NurseStatus.Active, (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity.Status);
        return nurseId;
    }

    private static async Task<List<JsonElement>> NameListAsync(NetworkScenario scenario) =>
        (await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/name-list")).EnumerateArray().ToList();
}
