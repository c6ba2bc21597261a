using Microsoft.AspNetCore.Mvc;
using Workflows.Wheel.Reports;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>A working-group member approves the annual report on the group's behalf.</summary>
public sealed class ApproveModel(ApprovalDesk desk) : LinkPageModel<ApprovalView>
{
    /// <summary>Shows the report to approve.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        Present(await desk.OpenAsync(Token, cancellation).ConfigureAwait(false));

    /// <summary>Approves it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation) =>
        Present(await desk.ApproveAsync(Token, cancellation).ConfigureAwait(false));
}
