using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Functions.Hosting;
using Workflows.Functions.Security;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Onboarding;
using Workflows.Resignation;

namespace Workflows.Functions.Api.Network;

/// <summary>The operator API for resource nurses: registering (which starts onboarding), reading, correcting, resigning.</summary>
public static class NurseEndpoints
{
    /// <summary>Maps <c>/api/nurses</c>.</summary>
    public static IEndpointRouteBuilder MapNurseEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/nurses").AddEndpointFilter<FunctionKeyFilter>().WithTags("Resource nurses");
        api.MapPost("/", RegisterAsync)
            .WithSummary("Registers a resource nurse and starts onboarding: welcome email, signing, courses. Answers 202 with the nurse and the onboarding's status links.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{id}", async (string id, HttpContext http, NetworkRegistry registry, CancellationToken cancellation) =>
                ApiJson.Versioned(http, await registry.GetAsync<ResourceNurse>(id, cancellation).ConfigureAwait(false)))
            .WithSummary("One nurse, with version as ETag.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{id}", UpdateAsync)
            .WithSummary("Corrects a nurse's details (contact, unit, leader, education, dates, completed courses); status and signature follow the flows.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/{id}", DeleteAsync)
            .WithSummary("Deletes a nurse registered by mistake (still onboarding, or signing expired); others resign instead.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        RegistryEndpoints.MapAudit<ResourceNurse>(api, "/{id}/audit");
        api.MapPost("/{id}/onboarding", async (string id, HttpContext http, NurseOnboarding onboarding, IOptions<FunctionsHostSettings> settings, CancellationToken cancellation) =>
            {
                var instanceId = await onboarding.StartAsync(id, cancellation: cancellation).ConfigureAwait(false);
                return Results.Accepted(null, OrchestratorEndpoints.Urls(http, settings.Value).CheckStatus(instanceId));
            })
            .WithSummary("Restarts onboarding after an expired signing.").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/resignation", ResignAsync)
            .WithSummary("Reports a resignation (by operator, nurse or leader): notices, name list from the end date, replacement request, deletion after retention.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id}/resignation/close-replacement", async (string id, Resignations resignations, CancellationToken cancellation) =>
            {
                await resignations.CloseReplacementAsync(id, "closed by operator", cancellation).ConfigureAwait(false);
                return Results.Accepted();
            })
            .WithSummary("Stops asking the nearest leader for a replacement.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext http, NurseOnboarding onboarding, IOptions<FunctionsHostSettings> settings, CancellationToken cancellation)
    {
        var registration = await ApiJson.ReadAsync<NurseRegistration>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
        var (nurse, instanceId) = await onboarding.RegisterAsync(registration, ApiJson.Actor(http.Request), cancellation: cancellation).ConfigureAwait(false);
        var urls = OrchestratorEndpoints.Urls(http, settings.Value).CheckStatus(instanceId);
        http.Response.Headers.Location = $"/api/nurses/{nurse.Id}";
        return Results.Json(new { nurse, onboarding = urls }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> UpdateAsync(
        string id, HttpContext http, NetworkRegistry registry, IOptions<FunctionsHostSettings> settings, CancellationToken cancellation)
    {
        var body = await ApiJson.ReadAsync<ResourceNurse>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
        var stored = await registry.GetAsync<ResourceNurse>(id, cancellation).ConfigureAwait(false);
        if (stored.Entity.Status == NurseStatus.Erased)
        {
            throw new RegistryConflictException($"The nurse '{id}' has been erased; the service record cannot be edited.");
        }

        var unit = string.IsNullOrWhiteSpace(body.UnitId) ? null : await registry.FindAsync<Unit>(body.UnitId, cancellation).ConfigureAwait(false);
        var changed = stored.Entity with
        {
            UnitId = body.UnitId ?? string.Empty,
            NetworkId = unit?.Entity.NetworkId ?? stored.Entity.NetworkId,
            Name = body.Name,
            Email = body.Email,
            Phone = body.Phone,
            NearestLeader = body.NearestLeader,
            HasFurtherEducation = body.HasFurtherEducation,
            StartDate = body.StartDate,
            EndDate = body.EndDate,
            IntroCourseCompleted = body.IntroCourseCompleted,
            BasicCourseCompleted = body.BasicCourseCompleted,
            ELearningCompleted = body.ELearningCompleted,
        };
        var updated = await registry.UpdateAsync(changed, ApiJson.IfMatch(http.Request) ?? stored.Version, ApiJson.Actor(http.Request), cancellation).ConfigureAwait(false);
        return ApiJson.Versioned(http, updated);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, NetworkRegistry registry, DurableTaskClient client, CancellationToken cancellation)
    {
        var stored = await registry.GetAsync<ResourceNurse>(id, cancellation).ConfigureAwait(false);
        if (stored.Entity.Status is not (NurseStatus.Onboarding or NurseStatus.SigningExpired))
        {
            throw new RegistryConflictException($"The nurse '{id}' is {stored.Entity.Status}; report a resignation instead of deleting the service record.");
        }

        var onboardingId = OnboardingOrchestration.InstanceIdFor(id);
        if (await client.GetInstanceAsync(onboardingId, cancellation).ConfigureAwait(false) is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
        {
            await client.TerminateInstanceAsync(onboardingId, "nurse deleted by operator", cancellation).ConfigureAwait(false);
        }

        await registry.DeleteAsync<ResourceNurse>(id, ApiJson.IfMatch(http.Request) ?? stored.Version, ApiJson.Actor(http.Request), cancellation).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> ResignAsync(
        string id, HttpContext http, Resignations resignations, IOptions<FunctionsHostSettings> settings, IOptions<NetworkWorkflowSettings> workflow, CancellationToken cancellation)
    {
        var body = await ApiJson.ReadAsync<ResignationBody>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
        if (body.EndDate is not { } endDate)
        {
            throw new RegistryValidationException(nameof(body.EndDate), "Required.");
        }

        var request = new ResignationRequest(
            id,
            endDate,
            body.ReportedBy,
            body.ReplacementReminderDays ?? 14,
            body.RetentionMonths ?? workflow.Value.RetentionMonths);
        var instanceId = await resignations.ReportAsync(request, cancellation).ConfigureAwait(false);
        return Results.Accepted(null, OrchestratorEndpoints.Urls(http, settings.Value).CheckStatus(instanceId));
    }
}
