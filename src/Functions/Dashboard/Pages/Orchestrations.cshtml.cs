using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>The orchestrations, newest first, filtered by status and id prefix.</summary>
public sealed class OrchestrationsModel(DurableTaskClient client) : PageModel
{
    /// <summary>How many are listed.</summary>
    public const int PageSize = 100;

    /// <summary>The statuses in Norwegian, by their names.</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(OrchestrationRuntimeStatus.Pending)] = "Venter på start",
        [nameof(OrchestrationRuntimeStatus.Running)] = "Pågår",
        [nameof(OrchestrationRuntimeStatus.Suspended)] = "Satt på pause",
        [nameof(OrchestrationRuntimeStatus.Completed)] = "Fullført",
        [nameof(OrchestrationRuntimeStatus.Failed)] = "Feilet",
        [nameof(OrchestrationRuntimeStatus.Terminated)] = "Avsluttet",
    };

    /// <summary>The status filtered on.</summary>
    public string? Status { get; private set; }

    /// <summary>The id prefix filtered on.</summary>
    public string? Prefix { get; private set; }

    /// <summary>The instances.</summary>
    public IReadOnlyList<OrchestrationMetadata> Instances { get; private set; } = [];

    /// <summary>An instant as Oslo time.</summary>
    public static string Local(DateTimeOffset at) =>
        NorwegianTime.ToLocal(at.UtcDateTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads the list.</summary>
    public async Task OnGetAsync(string? status, string? prefix, CancellationToken cancellation)
    {
        Status = Enum.TryParse<OrchestrationRuntimeStatus>(status, out var parsed) && StatusNames.ContainsKey(status!) ? status : null;
        Prefix = string.IsNullOrWhiteSpace(prefix) ? null : prefix.Trim();
        var query = new OrchestrationQuery
        {
            Statuses = Status is null ? null : [parsed],
            InstanceIdPrefix = Prefix,
            PageSize = PageSize,
        };
        var found = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellation).ConfigureAwait(false))
        {
            found.Add(instance);
        }

        Instances = [.. found.OrderByDescending(i => i.CreatedAt).Take(PageSize)];
    }
}
