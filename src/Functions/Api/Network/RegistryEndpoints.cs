using Microsoft.Extensions.Options;
using Workflows.Functions.Hosting;
using Workflows.Functions.Security;
using Workflows.Network;

namespace Workflows.Functions.Api.Network;

/// <summary>The operator API for the network structure: networks, local areas and units (CRUD, audited, with ETags).</summary>
public static class RegistryEndpoints
{
    /// <summary>Maps <c>/api/networks</c>, <c>/api/areas</c> and <c>/api/units</c>.</summary>
    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<FunctionKeyFilter>().WithTags("Registry");
        MapEntity<CompetenceNetwork>(api, "networks");
        MapEntity<LocalArea>(api, "areas");
        MapEntity<Unit>(api, "units");
        api.MapGet("/networks/{networkId}/areas", (string networkId, NetworkRegistry registry, CancellationToken cancellation) =>
            ListInNetworkAsync<LocalArea>(networkId, registry, cancellation)).WithSummary("The network's local areas.");
        api.MapGet("/networks/{networkId}/units", (string networkId, NetworkRegistry registry, CancellationToken cancellation) =>
            ListInNetworkAsync<Unit>(networkId, registry, cancellation)).WithSummary("The network's units.");
        return routes;
    }

    private static void MapEntity<T>(RouteGroupBuilder api, string path)
        where T : class, IRegistryEntity
    {
        api.MapGet($"/{path}", async (NetworkRegistry registry, CancellationToken cancellation) =>
                Results.Json(await registry.ListAsync<T>(null, cancellation).ConfigureAwait(false), ApiJson.Options))
            .WithSummary($"All {path}.");
        api.MapGet($"/{path}/{{id}}", async (string id, HttpContext http, NetworkRegistry registry, CancellationToken cancellation) =>
                ApiJson.Versioned(http, await registry.GetAsync<T>(id, cancellation).ConfigureAwait(false)))
            .WithSummary($"One of the {path}, with its version as ETag.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost($"/{path}", async (HttpContext http, NetworkRegistry registry, IOptions<FunctionsHostSettings> settings, CancellationToken cancellation) =>
            {
                var entity = await ApiJson.ReadAsync<T>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
                var created = await registry.CreateAsync(entity, ApiJson.Actor(http.Request), cancellation).ConfigureAwait(false);
                return ApiJson.Versioned(http, created, StatusCodes.Status201Created, $"/api/{path}/{created.Entity.Id}");
            })
            .WithSummary($"Adds one of the {path}.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPut($"/{path}/{{id}}", async (string id, HttpContext http, NetworkRegistry registry, IOptions<FunctionsHostSettings> settings, CancellationToken cancellation) =>
            {
                var entity = await ApiJson.ReadAsync<T>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
                if (entity.Id != id)
                {
                    throw new RegistryValidationException(nameof(entity.Id), $"The body's id '{entity.Id}' is not the id in the address, '{id}'.");
                }

                var updated = await registry.UpdateAsync(entity, ApiJson.IfMatch(http.Request), ApiJson.Actor(http.Request), cancellation).ConfigureAwait(false);
                return ApiJson.Versioned(http, updated);
            })
            .WithSummary($"Replaces one of the {path}; send If-Match with the ETag to refuse lost updates.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete($"/{path}/{{id}}", async (string id, HttpContext http, NetworkRegistry registry, CancellationToken cancellation) =>
            {
                await registry.DeleteAsync<T>(id, ApiJson.IfMatch(http.Request), ApiJson.Actor(http.Request), cancellation).ConfigureAwait(false);
                return Results.NoContent();
            })
            .WithSummary($"Deletes one of the {path} that nothing refers to.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        MapAudit<T>(api, $"/{path}/{{id}}/audit");
    }

    /// <summary>Maps an entity's audit trail (404 for an unknown entity).</summary>
    internal static void MapAudit<T>(IEndpointRouteBuilder api, string pattern)
        where T : class, IRegistryEntity =>
        api.MapGet(pattern, async (string id, NetworkRegistry registry, CancellationToken cancellation) =>
            {
                await registry.GetAsync<T>(id, cancellation).ConfigureAwait(false);
                return Results.Json(await registry.AuditTrailAsync<T>(id, cancellation).ConfigureAwait(false), ApiJson.Options);
            })
            .WithSummary("Who changed what, when.");

    private static async Task<IResult> ListInNetworkAsync<T>(string networkId, NetworkRegistry registry, CancellationToken cancellation)
        where T : class, IRegistryEntity
    {
        await registry.GetAsync<CompetenceNetwork>(networkId, cancellation).ConfigureAwait(false);
        return Results.Json(await registry.ListAsync<T>(networkId, cancellation).ConfigureAwait(false), ApiJson.Options);
    }
}
