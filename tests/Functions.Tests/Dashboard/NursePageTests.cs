using System.Net;
using System.Text.RegularExpressions;
using Workflows.Functions.Tests.Support;
using Workflows.Network;

namespace Workflows.Functions.Tests.Dashboard;

/// <summary>Keeping the name list current from a nurse's page: faults next to fields, a stale form refused.</summary>
public sealed partial class NursePageTests
{
    [Fact]
    public async Task The_operator_corrects_a_nurses_email_and_leader_and_a_form_read_before_another_change_is_refused()
    {
        await using var scenario = new NetworkScenario();
        var nurseId = await scenario.AddActiveNurseAsync("helse-forde", "kinn-sjukeheim", "Kari Kinn", "kari@kinn.example");
        var dashboard = await DashboardSession.SignInAsync(scenario.Http, HostFactory.Key);
        var page = $"/dashboard/nurses/{nurseId}";
        Assert.Contains($"href=\"{page}\"", await dashboard.PageAsync("/dashboard/networks/helse-forde/names"), StringComparison.Ordinal);
        var shown = await dashboard.PageAsync(page);
        Assert.Contains("<html lang=\"nn\">", shown, StringComparison.Ordinal);
        var version = Version(shown);

        var wrong = await dashboard.PostAsync(page, null, Fields(version, "kari@kinn", "Berit Leiar", string.Empty));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var faults = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"error\" id=\"email-error\">Skriv inn ei gyldig e-postadresse, til dømes namn@kommune.no.</p>", faults, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"nearestLeader-error\">Skriv inn både namn og gyldig e-post for leiaren", faults, StringComparison.Ordinal);
        Assert.Contains("value=\"kari@kinn\"", faults, StringComparison.Ordinal);

        var saved = await dashboard.PostAsync(page, null, Fields(version, "kari.kinn@kinn.example", "Berit Leiar", "berit@kinn.example"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Endringane er lagra.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nurse = (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity;
        Assert.Equal("kari.kinn@kinn.example", nurse.Email);
        Assert.Equal(new Person("Berit Leiar", "berit@kinn.example"), nurse.NearestLeader);

        // The first form was read at the old version: saving it again would undo the change just made.
        var stale = await dashboard.PostAsync(page, null, Fields(version, "kari@kinn.example", string.Empty, string.Empty));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleBody = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Nokon andre endra opplysningane medan du redigerte.", staleBody, StringComparison.Ordinal);
        Assert.Contains("value=\"kari.kinn@kinn.example\"", staleBody, StringComparison.Ordinal);
        Assert.Equal("kari.kinn@kinn.example", (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Http.GetAsync("/dashboard/nurses/nobody")).StatusCode);
    }

    private static KeyValuePair<string, string>[] Fields(string version, string email, string leaderName, string leaderEmail) =>
    [
        new("version", version), new("unitId", "kinn-sjukeheim"), new("name", "Kari Kinn"), new("email", email), new("phone", string.Empty),
        new("leaderName", leaderName), new("leaderEmail", leaderEmail),
    ];

    private static string Version(string page) => VersionField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();
}
