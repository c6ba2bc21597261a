using Microsoft.Extensions.Options;
using Workflows.Functions.Hosting;
using Workflows.Functions.Security;
using Workflows.Network;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Overview;
using Workflows.Wheel.Tick;
using Workflows.Wheel.Uploads;

namespace Workflows.Functions.Api.Network;

/// <summary>The yearly wheel: a network's events of a year with their state, and the tick run by hand.</summary>
public static class WheelEndpoints
{
    /// <summary>Maps <c>GET /api/networks/{id}/wheel</c> and <c>POST /api/wheel/tick</c>.</summary>
    public static IEndpointRouteBuilder MapWheelEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<FunctionKeyFilter>().WithTags("Wheel");
        api.MapGet("/networks/{networkId}/wheel", WheelAsync)
            .WithSummary("The network's events of a year (?year=, this year by default) with dates, audience, state and orchestration status.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/wheel/{instanceId}/roster", async (string instanceId, AttendanceDesk desk, CancellationToken cancellation) =>
                Results.Json(await desk.RosterAsync(instanceId, cancellation).ConfigureAwait(false), ApiJson.Options))
            .WithSummary("A course's seats, waitlist and attendance.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/wheel/{instanceId}/attendance", async (
                string instanceId, HttpContext http, IOptions<FunctionsHostSettings> settings, AttendanceDesk desk, CancellationToken cancellation) =>
            {
                var body = await ApiJson.ReadAsync<AttendanceBody>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
                return Results.Json(await desk.RecordAsync(instanceId, body.Attended ?? [], ApiJson.Actor(http.Request), cancellation).ConfigureAwait(false), ApiJson.Options);
            })
            .WithSummary("Marks who attended a held course (their email addresses); the course then sends certificates and records completion.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/wheel/{instanceId}/newsletter", async (
                string instanceId, HttpContext http, IOptions<FunctionsHostSettings> settings, NewsletterDesk desk, CancellationToken cancellation) =>
            {
                var body = await ApiJson.ReadAsync<NewsletterBody>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
                return Results.Json(new { documentKey = await desk.WriteAsync(instanceId, body.Text, cancellation).ConfigureAwait(false) }, ApiJson.Options);
            })
            .WithSummary("Writes a newsletter waiting for its text (instead of uploading it through the emailed link); it goes out as a PDF.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/wheel/tick", async (WheelTick tick, CancellationToken cancellation) =>
                Results.Json(await tick.RunAsync(cancellation: cancellation).ConfigureAwait(false), ApiJson.Options))
            .WithSummary("Runs the daily wheel tick now: starts what is due and not started (nothing twice).");
        return routes;
    }

    /// <summary>A newsletter's text.</summary>
    /// <param name="Text">Paragraphs separated by blank lines.</param>
    public sealed record NewsletterBody(string? Text);

    /// <summary>The attendance list.</summary>
    /// <param name="Attended">The email addresses of those present.</param>
    public sealed record AttendanceBody(IReadOnlyList<string>? Attended);

    private static async Task<IResult> WheelAsync(string networkId, int? year, WheelOverview overview, NetworkRegistry registry, CancellationToken cancellation)
    {
        var wanted = year ?? registry.Today.Year;
        if (wanted is < 2000 or > 2100)
        {
            throw new ArgumentException($"year {wanted} is outside 2000–2100.");
        }

        var (calendar, events) = await overview.ForAsync(networkId, wanted, cancellation).ConfigureAwait(false);
        return Results.Json(
            new { networkId, year = wanted, calendarVersion = calendar.Version, calendar = calendar.Source, events },
            ApiJson.Options);
    }
}
