using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;

namespace Workflows.Functions.Errors;

/// <summary>
/// The one place errors become responses: known failures map to a 4xx problem+json with a clear title; anything
/// else is logged and answered with a 500 that reveals nothing.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is RegistryValidationException invalid)
        {
            httpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "The request breaks the registry's rules",
                    Detail = "See errors: each field and what is wrong with it.",
                },
            }).ConfigureAwait(false);
        }

        var (status, title) = exception switch
        {
            RegistryNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            RegistryConflictException => (StatusCodes.Status409Conflict, "Conflict"),
            Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.NotFound } => (StatusCodes.Status404NotFound, "No such orchestration instance"),
            DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException => (StatusCodes.Status409Conflict, "The instance id is already in use"),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large"
                : "The request is not valid"),
            JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON"),
            ArgumentException => (StatusCodes.Status400BadRequest, "The request is not valid"),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on the server"),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error answering {Method} {Path}.", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status >= 500 ? null : exception.Message,
            },
        }).ConfigureAwait(false);
    }
}
