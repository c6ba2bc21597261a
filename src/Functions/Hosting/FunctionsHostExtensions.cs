using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Workflows.Adapters.Documents;
using Workflows.Durable;
using Workflows.Documents;
using Workflows.Functions.Api;
using Workflows.Functions.Api.Network;
using Workflows.Functions.Documents;
using Workflows.Functions.CustomHandler;
using Workflows.Functions.Dashboard;
using Workflows.Functions.Errors;
using Workflows.Functions.Health;
using Workflows.Functions.Observability;
using Workflows.Functions.Security;
using Workflows.Functions.Startup;
using Workflows.Functions.Timers;

namespace Workflows.Functions.Hosting;

/// <summary>Wires the host: configuration, engine, security, errors, endpoints and timers.</summary>
public static class FunctionsHostExtensions
{
    /// <summary>Adds the host's services with embedded defaults (SQLite under the data directory).</summary>
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddLocalSettings(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json"));

        var settings = builder.Configuration.GetSection(FunctionsHostSettings.Section).Get<FunctionsHostSettings>() ?? new FunctionsHostSettings();
        var dataDirectory = settings.ResolveDataDirectory(builder.Environment.ContentRootPath);
        builder.Services.Configure<FunctionsHostSettings>(builder.Configuration.GetSection(FunctionsHostSettings.Section));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);

        builder.Services.TryAddSingleton(TimeProvider.System);

        // First of the start-up work after the server's start, so the pipeline is built beside the rest of it.
        builder.Services.AddSingleton<DeferredPipeline>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeferredPipeline>());
        builder.AddTelemetry();
        var engine = builder.Configuration.GetSection(EngineStoreSettings.Section).Get<EngineStoreSettings>() ?? new EngineStoreSettings();
        var account = new StorageAccount(engine);
        // The orchestration backend and then the SDK's worker are made and started once the server listens.
        StartedAfterServer.Wrap(builder.Services, services =>
        {
            services.AddDurableTaskBackend(backend =>
            {
                if (engine.UsesAzureStorage)
                {
                    // The notices of due timers go to the queue the wake-up trigger watches, when the platform has one.
                    var wakeUpQueue = builder.Configuration[CustomHandler.FunctionManifest.WakeUpQueueSetting];
                    void Configure(Workflows.Durable.AzureStorageBackendSettings s)
                    {
                        engine.Configure(s);
                        s.WakeUpQueue = string.IsNullOrWhiteSpace(wakeUpQueue) ? null : wakeUpQueue;
                    }

                    if (engine.ConnectionString is { Length: > 0 } connectionString)
                    {
                        backend.UseAzureStorage(connectionString, settings.TaskHub, Configure);
                    }
                    else
                    {
                        backend.UseAzureStorage(
                            engine.AccountName ?? throw new InvalidOperationException("Durable:ConnectionString or Durable:AccountName is required for Azure Storage."),
                            account.Credential!,
                            settings.TaskHub,
                            Configure);
                    }
                }
                else
                {
                    backend.UseSqlite(Path.Combine(dataDirectory, "durable.db"));
                }

                if (!string.IsNullOrWhiteSpace(engine.Backend.Listen))
                {
                    backend.ListenOn(engine.Backend.Listen);
                }
            });
            services.AddDurableTaskWorker(worker => worker
                .AddTasks(tasks => tasks.AddNetworkTasks())
                .Configure(o => o.DataConverter = Workflows.Steps.OrchestrationJson.Converter)
                .UseBackend());
        });
        builder.Services.AddDurableTaskClient(client => client
            .Configure(o => o.DataConverter = Workflows.Steps.OrchestrationJson.Converter)
            .UseBackend());

        // The worker's orchestrator names, so the start endpoint can refuse a name no orchestrator answers to.
        builder.Services.AddSingleton(sp => new OrchestratorNames(
            sp.GetRequiredService<IOptionsMonitor<DurableTaskRegistry>>().Get(Options.DefaultName).GetOrchestrators().Select(o => o.Key)));
        builder.Services.AddSingleton(sp => FunctionKeys.Load(builder.Configuration, dataDirectory, sp.GetRequiredService<ILogger<FunctionKeys>>()));
        builder.Services.AddSingleton<FunctionKeyFilter>();
        var documents = builder.Configuration.GetSection(DocumentStoreSettings.Section).Get<DocumentStoreSettings>() ?? new DocumentStoreSettings();
        builder.Services.AddSingleton(sp => new DocumentLinkSigner(
            System.Text.Encoding.UTF8.GetBytes(documents.LinkSecret
                ?? LocalSecrets.ReadOrCreate(dataDirectory, "document-link.key", sp.GetRequiredService<ILogger<DocumentLinkSigner>>())),
            settings.PublicBaseUrl,
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IDocumentStore>(sp => new MeteredDocumentStore(
            documents.Store switch
            {
                "Folder" => new FolderDocumentStore(
                    Path.Combine(dataDirectory, "documents"), sp.GetRequiredService<DocumentLinkSigner>(), sp.GetRequiredService<TimeProvider>()),
                "AzureStorage" => new BlobDocumentStore(account.Blobs(), sp.GetRequiredService<TimeProvider>()),
                _ => throw new InvalidOperationException($"Documents:Store '{documents.Store}' is not known: use Folder or AzureStorage."),
            },
            sp.GetRequiredService<Workflows.Telemetry.WorkflowsMetrics>()));
        builder.Services.AddHostedService<DocumentStoreInitialization>();
        builder.AddNetworkDomain(settings, dataDirectory, account);
        // The Functions host forwards requests to the custom handler on loopback (a known proxy by default), with the
        // client's address in X-Forwarded-For ("ip:port", IPv6 in brackets).
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        // The dashboard's keys live where the documents live: in Blob storage in Azure, in the data folder locally.
        builder.Services.AddDashboard(
            documents.Store == "AzureStorage" ? account.Blobs().GetBlobContainerClient(BlobKeyRepository.ContainerName) : null,
            Path.Combine(dataDirectory, "dashboard-keys"));
        builder.Services.AddLinkRateLimits(builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings());
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddHostedService<TimerScheduler>();
        builder.Services.AddHostedService<SigningBacklogSampler>();
        builder.Services.AddReadinessChecks();
        builder.Services.AddTransient<IStartupFilter, LivenessFirstStartupFilter>();

        // The data-protection key ring is read at start (on a fresh folder a key is made and written): after the
        // server's start. Replaced last, since every AddDataProtection call above adds the framework's service again.
        StartedAfterServer.Replace(builder.Services, "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
        return builder;
    }

    /// <summary>
    /// Maps the endpoints: health (open), operator API and management API (keyed), OpenAPI and its UI, the dashboard and
    /// the link pages. The liveness probe answers at once; the rest is mapped and built in the background once the server
    /// listens (<see cref="DeferredPipeline"/>).
    /// </summary>
    public static WebApplication MapFunctionsHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<DeferredPipeline>().MapWhenBuilt(() => Map(app));
        return app;
    }

    private static void Map(WebApplication app)
    {
        // Load (or generate) the operator keys as soon as the host runs, so a first local run leaves its key on disk.
        app.Services.GetRequiredService<FunctionKeys>();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // After the status code pages, so a refused request gets a problem body with its 429.
        app.UseRateLimiter();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api/docs";
            ui.SwaggerEndpoint("/api/openapi/v1.json", "Kompetansenettverk workflows");
        });
        app.MapHealth();
        app.MapOrchestratorEndpoints();
        app.MapManagementEndpoints();
        app.MapDocumentLinkEndpoints();
        app.MapInvocationEndpoints();
        app.MapRegistryEndpoints();
        app.MapNurseEndpoints();
        app.MapReportEndpoints();
        app.MapPublishedReportEndpoints();
        app.MapDashboard();
        app.MapWheelEndpoints();
        app.MapWaitingEndpoints();
    }
}
