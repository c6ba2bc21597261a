namespace Workflows.Functions.Security;

/// <summary>Requires a function key on an endpoint group: 401 without one, 403 with a wrong one.</summary>
internal sealed class FunctionKeyFilter(FunctionKeys keys) : IEndpointFilter
{
    /// <summary>The header Azure Functions reads the key from.</summary>
    public const string Header = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var presented = request.Headers.TryGetValue(Header, out var header) ? header.ToString() : request.Query["code"].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "A function key is required",
                detail: $"Send the key in the {Header} header or the code query parameter.");
        }

        if (!keys.IsValid(presented))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The function key is not valid");
        }

        return await next(context).ConfigureAwait(false);
    }
}
