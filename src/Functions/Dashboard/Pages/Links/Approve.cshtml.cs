using Microsoft.AspNetCore.Mvc;
using Workflows.Wheel.Reports;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>A working-group member approves the annual report on the group's behalf.</summary>
public sealed class ApproveModel(ApprovalDesk desk) : LinkPageModel
{
    /// <summary>What the desk found.</summary>
    public ApprovalView? View { get; private set; }

    /// <summary>Shows the report to approve.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        Present(await desk.OpenAsync(Token, cancellation).ConfigureAwait(false));

    /// <summary>Approves it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation) =>
        Present(await desk.ApproveAsync(Token, cancellation).ConfigureAwait(false));

    private IActionResult Present(ApprovalView view)
    {
        View = view;
        return Show(view.Outcome, view.Language);
    }
}
