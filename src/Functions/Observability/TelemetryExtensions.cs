using System.Diagnostics;
using System.Runtime.CompilerServices;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workflows.Durable;
using Workflows.Messaging;
using Workflows.Telemetry;

namespace Workflows.Functions.Observability;

/// <summary>
/// OpenTelemetry for the app: traces (HTTP in and out, the Durable Task SDK's orchestration and activity spans, the
/// backend's turns), metrics (the same, and the network's own) and logs. Sent to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to any OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
/// and nowhere by default: with neither (and <c>Telemetry:Enabled</c> not set, as tests set it to add their own exporter)
/// nothing is collected at all, so an unobserved run pays nothing for it.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The service name telemetry is reported under.</summary>
    public const string ServiceName = "kompetansenettverk-workflows";

    /// <summary>The Durable Task SDK's activity source (client and worker spans).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>Adds OpenTelemetry with the exporters the configuration names.</summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // ASP.NET Core logs each request's full address at Information; an emailed link's address carries its token,
        // and a token carries the name and address of the person it was made for. Those lines go nowhere.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);

        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!azureMonitor && !otlp && !builder.Configuration.GetValue("Telemetry:Enabled", false))
        {
            return builder;
        }

        AddOpenTelemetry(builder, azureMonitor, otlp);
        return builder;
    }

    // Its own method, not inlined: the OpenTelemetry and Azure Monitor assemblies load only when telemetry is on, not at
    // every start.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(WebApplicationBuilder builder, bool azureMonitor, bool otlp)
    {
        var version = typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString() ?? "0";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(DurableTaskSource, DurableTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase);
                    o.EnrichWithHttpRequest = (span, request) => WithoutPersonalData(span, request.Path);
                    o.EnrichWithException = (span, _) => span.SetTag("exception.message", null);
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (span, request) => span.SetTag("url.query", null)))
            .WithMetrics(metrics => metrics
                .AddMeter(WorkflowsMetrics.MeterName, DurableTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(_ => { }, o => o.IncludeFormattedMessage = true);

        if (azureMonitor)
        {
            telemetry.UseAzureMonitor(o =>
            {
                // Bicep gives the app a user-assigned identity and names it here: ingestion is by Entra ID, not by key.
                if (ClientId(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]) is { } clientId)
                {
                    o.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
                }
            });
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>
    /// A page reached from an email is recorded by its route, not its address: the token in the address names the person
    /// it was made for. Query strings (a document link's signature) are dropped everywhere.
    /// </summary>
    private static void WithoutPersonalData(Activity span, PathString path)
    {
        span.SetTag("url.query", null);
        foreach (var page in PublicRoutes.LinkPages)
        {
            if (path.StartsWithSegments("/" + page, StringComparison.OrdinalIgnoreCase))
            {
                var route = PublicRoutes.LinkPageTemplate(page);
                span.SetTag("url.path", route);
                span.DisplayName = $"{span.DisplayName.Split(' ')[0]} {route}";
                return;
            }
        }
    }

    private static string? ClientId(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault();
}
