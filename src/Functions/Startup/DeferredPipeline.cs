namespace Workflows.Functions.Startup;

/// <summary>
/// The request pipeline behind the liveness probe: routing, the endpoint table (the APIs and the Razor Pages),
/// authentication and every middleware the app adds. Mapping and building it takes a few hundred milliseconds, which
/// after a scale from zero would otherwise pass before the platform hears that the instance is alive. It is built once,
/// in the background as soon as the server listens (beside the other start-up work), or by the first request that
/// arrives before that is done. Requests other than the liveness probe wait for the host's start, so they find the
/// stores, the calendars and the seed ready.
/// </summary>
internal sealed class DeferredPipeline(IHostApplicationLifetime lifetime, ILogger<DeferredPipeline> logger) : AfterServerStart
{
    private readonly TaskCompletionSource built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? mapEndpoints;
    private Lazy<RequestDelegate>? pipeline;

    /// <summary>Completes once the pipeline has been built (by the background build or by a request).</summary>
    public Task Built => built.Task;

    /// <summary>Maps the app's endpoints and middleware when the pipeline is built, not when the host is configured.</summary>
    public void MapWhenBuilt(Action map) => mapEndpoints = map;

    /// <summary>
    /// The middleware that hands each request to the deferred pipeline: <paramref name="configure"/> is the host's own
    /// configuration of the app (what an <see cref="IStartupFilter"/> is given), run on a branch of <paramref name="outer"/>.
    /// </summary>
    public RequestDelegate Defer(IApplicationBuilder outer, Action<IApplicationBuilder> configure, RequestDelegate next)
    {
        var lazy = new Lazy<RequestDelegate>(() =>
        {
            mapEndpoints?.Invoke();
            var branch = outer.New();
            configure(branch);
            branch.Run(next);
            var app = branch.Build();
            built.TrySetResult();
            return app;
        });
        pipeline = lazy;
        var started = lifetime.WhenStarted();

        return async http =>
        {
            await started.WaitAsync(http.RequestAborted).ConfigureAwait(false);
            await lazy.Value(http).ConfigureAwait(false);
        };
    }

    /// <summary>Starts building as soon as the server listens, on the thread pool, beside the other start-up work.</summary>
    protected override Task RunAsync(CancellationToken cancellationToken)
    {
        if (pipeline is { } lazy)
        {
            _ = Task.Run(() => Build(lazy), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private void Build(Lazy<RequestDelegate> lazy)
    {
        try
        {
            _ = lazy.Value;
        }
        catch (Exception ex)
        {
            // A pipeline that cannot be built serves nothing: stop, so the platform replaces the instance.
            built.TrySetException(ex);
            logger.LogCritical(ex, "The request pipeline could not be built; stopping.");
            lifetime.StopApplication();
        }
    }
}
