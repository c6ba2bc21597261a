using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Workflows.Functions.Tests.Support;
using Workflows.Network;
using Workflows.Onboarding;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Network;

/// <summary>
/// The host as configured in Azure, on a real Azurite: the backend on DurableTask.AzureStorage, registry (Tables) and
/// documents (Blobs) in one storage account, on the real clock. A nurse is onboarded through the API and the three signing links, and each part is found there.
/// </summary>
public sealed class OnAzureStorageTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task A_nurse_is_onboarded_with_the_registry_in_Tables_and_the_signed_PDF_in_Blobs()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        await using var scenario = new NetworkScenario(new Dictionary<string, string>
        {
            ["Durable:Store"] = "AzureStorage",
            ["Durable:ConnectionString"] = azurite.ConnectionString,
            ["Host:TaskHub"] = "hub" + suffix,
            ["Workflows:RegistryStore"] = "AzureStorage",
            ["Workflows:RegistryTable"] = "Registry" + suffix,
            ["Documents:Store"] = "AzureStorage",
        }, realClock: true);
        var registered = await scenario.Http.PostAsJsonAsync("/api/nurses", new { unitId = "lorenskog-sykehjem", name = "Kari Nordmann", email = "kari@lorenskog.example" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, registered.StatusCode);
        var nurseId = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("nurse").GetProperty("id").GetString()!;

        // On the real clock, each signer's email is what shows the previous step is done.
        await scenario.SignAsync(NetworkScenario.LinkIn(await scenario.MailAsync("kari@lorenskog.example", "Signer funksjonsbeskrivelsen"), "sign"));
        await scenario.SignAsync(NetworkScenario.LinkIn(await scenario.MailAsync("lorenskog-sykehjem.leder@ahus.example", "Signer funksjonsbeskrivelsen"), "sign"));
        await scenario.SignAsync(NetworkScenario.LinkIn(await scenario.MailAsync("nettverksleder@ahus.example", "Signer funksjonsbeskrivelsen"), "sign"));
        await Progress.WhileMovingAsync(
            token => scenario.Durable.WaitForInstanceCompletionAsync(OnboardingOrchestration.InstanceIdFor(nurseId), token),
            () => scenario.Outbox().Count,
            "the onboarding never completed");

        var nurse = await scenario.Http.GetFromJsonAsync<ResourceNurse>($"/api/nurses/{nurseId}");
        Assert.Equal(NurseStatus.Active, nurse!.Status);
        var row = await new TableServiceClient(azurite.ConnectionString).GetTableClient("Registry" + suffix)
            .GetEntityIfExistsAsync<TableEntity>("nurse", "e|" + nurseId);
        Assert.True(row.HasValue);
        Assert.True(row.Value!.GetInt64("Version") > 1);
        var signed = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("signed-documents")
            .GetBlobClient(nurse.SignedFunctionDescriptionKey);
        Assert.True(await signed.ExistsAsync());
        var audit = await scenario.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/nurses/{nurseId}/audit");
        Assert.Equal(["created", "updated"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.Equal($"orchestration:onboarding-{nurseId}", audit[1].GetProperty("actor").GetString());
    }
}
