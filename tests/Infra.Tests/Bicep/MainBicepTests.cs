using System.Text.Json;

namespace Workflows.Infra.Tests.Bicep;

/// <summary>infra/bicep/main.bicep builds and lints clean (rules at error level), and says what the design asks.</summary>
public sealed class MainBicepTests
{
    private static async Task<JsonElement> CompiledAsync()
    {
        var (exitCode, output, errors) = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, errors);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Templates(JsonElement template)
    {
        yield return template;
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        var list = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : resources.EnumerateObject().Select(p => p.Value).ToList();
        foreach (var resource in list)
        {
            if (resource.TryGetProperty("properties", out var properties) && properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in Templates(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonElement> Resources(JsonElement compiled) => Templates(compiled).SelectMany(t =>
        !t.TryGetProperty("resources", out var resources) ? []
        : resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray() : resources.EnumerateObject().Select(p => p.Value));

    [Fact]
    public async Task Build_IsClean()
    {
        var (exitCode, _, errors) = await BicepCli.RunAsync("build", "main.bicep", "--stdout");

        Assert.Equal(0, exitCode);
        Assert.True(string.IsNullOrWhiteSpace(errors), errors);
    }

    [Fact]
    public async Task Lint_WithEveryRuleAtErrorLevel_IsClean()
    {
        var (exitCode, output, errors) = await BicepCli.RunAsync("lint", "main.bicep");

        Assert.Equal(0, exitCode);
        Assert.True(string.IsNullOrWhiteSpace(output + errors), output + errors);
    }

    [Fact]
    public async Task EveryParameter_InEveryModule_IsDescribed()
    {
        var compiled = await CompiledAsync();

        var undescribed = Templates(compiled)
            .Where(t => t.TryGetProperty("parameters", out _))
            .SelectMany(t => t.GetProperty("parameters").EnumerateObject())
            .Where(p => !p.Value.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("description", out _))
            .Select(p => p.Name)
            .ToList();

        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task Storage_HasNoSharedKeys_AndSignedDocumentsAreImmutable()
    {
        var resources = Resources(await CompiledAsync()).ToList();

        var account = Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts" && !r.TryGetProperty("existing", out _));
        Assert.False(account.GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts/queueServices/queues");
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts/tableServices/tables");
    }

    [Fact]
    public async Task FunctionApp_IsFlexConsumptionLinux_WithACustomHandlerAndAUserAssignedIdentity()
    {
        var resources = Resources(await CompiledAsync()).ToList();

        var plan = Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        var site = Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("custom", site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime").GetProperty("name").GetString());
        var settings = AppSettings(site);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain(settings, s => s.Key == "AzureWebJobsStorage");
    }

    [Fact]
    public async Task AppSettings_PutRegistryDocumentsAndEmailInAzure_WithSecretsFromKeyVault()
    {
        var settings = AppSettings(Assert.Single(Resources(await CompiledAsync()), r => r.GetProperty("type").GetString() == "Microsoft.Web/sites"));

        Assert.Equal("AzureStorage", settings["Durable__Store"]);
        Assert.Equal("AzureStorage", settings["Workflows__RegistryStore"]);
        Assert.Equal("AzureStorage", settings["Documents__Store"]);
        Assert.Equal("SendGrid", settings["Workflows__EmailProvider"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", settings["Workflows__SendGridApiKey"], StringComparison.Ordinal);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", settings["Workflows__LinkSecret"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_SendTelemetryToApplicationInsights_SignedInAsTheIdentity()
    {
        var settings = AppSettings(Assert.Single(Resources(await CompiledAsync()), r => r.GetProperty("type").GetString() == "Microsoft.Web/sites"));

        // The app's OpenTelemetry exports to Azure Monitor when the connection string is set, and takes the identity's
        // client id from the authentication string (ingestion by Entra ID: the Monitoring Metrics Publisher role).
        Assert.Contains("ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD'", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWakeUpQueue_IsDeclared_AndNamedInTheSettingTheQueueTriggerReads()
    {
        var resources = Resources(await CompiledAsync()).ToList();
        var settings = AppSettings(Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.Web/sites"));
        var queues = resources.Where(r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(r => r.GetProperty("name").GetString()!)
            .ToList();

        Assert.True(settings.ContainsKey(Functions.CustomHandler.FunctionManifest.WakeUpQueueSetting), string.Join(", ", settings.Keys));
        Assert.Contains(queues, q => q.Contains("-wakeup", StringComparison.Ordinal) && !q.Contains("poison", StringComparison.Ordinal));
        Assert.Contains(queues, q => q.Contains("-wakeup-poison", StringComparison.Ordinal));
    }

    /// <summary>A misspelt setting is silently ignored at run time, so each of the host's sections is checked against its settings class.</summary>
    [Fact]
    public async Task EveryAppSetting_OfTheHostsSections_BindsToASettingsProperty()
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            [Functions.Hosting.FunctionsHostSettings.Section] = typeof(Functions.Hosting.FunctionsHostSettings),
            [Functions.Hosting.EngineStoreSettings.Section] = typeof(Functions.Hosting.EngineStoreSettings),
            [Functions.Hosting.DocumentStoreSettings.Section] = typeof(Functions.Hosting.DocumentStoreSettings),
            [Functions.Hosting.NetworkWorkflowSettings.Section] = typeof(Functions.Hosting.NetworkWorkflowSettings),
        };
        var settings = AppSettings(Assert.Single(Resources(await CompiledAsync()), r => r.GetProperty("type").GetString() == "Microsoft.Web/sites"));

        // AzureWebJobsStorage__* is read by the Functions host itself; every other sectioned setting is the app's.
        var ours = settings.Keys.Select(k => k.Split("__")).Where(parts => parts.Length > 1 && parts[0] != "AzureWebJobsStorage").ToList();
        var unbound = ours
            .Where(parts => parts.Length != 2 || !sections.ContainsKey(parts[0]) || sections[parts[0]].GetProperty(parts[1], System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase) is null)
            .Select(parts => string.Join("__", parts))
            .ToList();

        Assert.True(ours.Count >= 10, string.Join(", ", settings.Keys));
        Assert.Empty(unbound);
    }

    private static Dictionary<string, string> AppSettings(JsonElement site) =>
        site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    [Fact]
    public async Task RoleAssignments_HaveGuidNames()
    {
        var assignments = Resources(await CompiledAsync())
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments")
            .ToList();

        // One loop over the three storage roles, plus Key Vault secrets and metrics publishing.
        Assert.Equal(3, assignments.Count);
        Assert.Single(assignments, a => a.TryGetProperty("copy", out _));
        Assert.All(assignments, a => Assert.StartsWith("[guid(", a.GetProperty("name").GetString(), StringComparison.Ordinal));
    }
}
