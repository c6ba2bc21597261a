using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workflows.Wheel.Courses;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>A personal link to take, or give back, a seat on a course or the subject day.</summary>
public sealed class RegisterModel(RegistrationDesk desk) : LinkPageModel<RegistrationView>
{
    /// <summary>The greeting, naming the event, when and where.</summary>
    public string Hello => View is null ? string.Empty
        : string.Format(CultureInfo.InvariantCulture, Text.RegisterHello, View.PersonName, View.When, View.Location ?? string.Empty).TrimEnd(' ', ',') + ".";

    /// <summary>Where the person stands: seated, on the waitlist, or not registered.</summary>
    public string Place => View?.State switch
    {
        RegistrationState.Seated => Text.RegisteredSeat,
        RegistrationState.Waitlisted => string.Format(CultureInfo.InvariantCulture, Text.RegisteredWaitlist, View.WaitlistPlace),
        _ => Text.NotRegistered,
    };

    /// <summary>What the form's button does next: <c>register</c> or <c>cancel</c>.</summary>
    public string NextAction => View?.State == RegistrationState.None ? "register" : "cancel";

    /// <summary>Shows where the person stands.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        Present(await desk.OpenAsync(Token, cancellation).ConfigureAwait(false));

    /// <summary>Registers (<c>action=register</c>) or gives the seat back (<c>action=cancel</c>).</summary>
    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken cancellation)
    {
        if (action is not ("register" or "cancel"))
        {
            var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request is not valid", Detail = "Send action=register or action=cancel." };
            return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
        }

        return Present(await desk.ActAsync(Token, action == "register", cancellation).ConfigureAwait(false));
    }
}
