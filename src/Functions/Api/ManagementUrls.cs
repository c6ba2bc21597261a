namespace Workflows.Functions.Api;

/// <summary>Builds the Durable Functions management URLs for an instance, as the check-status payload lists them.</summary>
internal sealed class ManagementUrls(HttpRequest request, string taskHub, string? code)
{
    /// <summary>The route prefix of the management API.</summary>
    public const string Prefix = "/runtime/webhooks/durabletask";

    private string Query => $"taskHub={Uri.EscapeDataString(taskHub)}&connection=Storage" + (code is null ? string.Empty : $"&code={Uri.EscapeDataString(code)}");

    public string Instance(string instanceId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}/instances/{Uri.EscapeDataString(instanceId)}";

    public CheckStatusPayload CheckStatus(string instanceId)
    {
        var instance = Instance(instanceId);
        return new CheckStatusPayload(
            instanceId,
            $"{instance}?{Query}",
            $"{instance}/raiseEvent/{{eventName}}?{Query}",
            $"{instance}/terminate?reason={{text}}&{Query}",
            $"{instance}/suspend?reason={{text}}&{Query}",
            $"{instance}/resume?reason={{text}}&{Query}",
            $"{instance}?{Query}");
    }
}
