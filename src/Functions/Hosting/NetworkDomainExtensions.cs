using System.Text;
using Workflows.Adapters.Email;
using Workflows.Adapters.Pdf;
using Workflows.Adapters.Registry;
using Workflows.Documents.Pdf;
using Workflows.Email;
using Workflows.Network;
using Workflows.Network.Seed;
using Workflows.Network.Storage;
using Workflows.Telemetry;
using Workflows.Functions.Startup;
using Workflows.Functions.Timers;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Tick;

namespace Workflows.Functions.Hosting;

/// <summary>Wires the network domain into the host: registry store, email sender, links, and the seed at start.</summary>
internal static class NetworkDomainExtensions
{
    public static void AddNetworkDomain(this WebApplicationBuilder builder, FunctionsHostSettings host, string dataDirectory, StorageAccount account)
    {
        var section = builder.Configuration.GetSection(NetworkWorkflowSettings.Section);
        var settings = section.Get<NetworkWorkflowSettings>() ?? new NetworkWorkflowSettings();
        builder.Services.Configure<NetworkWorkflowSettings>(section);
        var from = new EmailAddress(host.EmailFrom, host.EmailFromName);

        builder.Services.AddSingleton<IRegistryStore>(_ => settings.RegistryStore switch
        {
            "Sqlite" => new SqliteRegistryStore(Path.Combine(dataDirectory, "registry.db")),
            "AzureStorage" => new TableRegistryStore(account.Tables(), settings.RegistryTable),
            _ => throw new InvalidOperationException($"Workflows:RegistryStore '{settings.RegistryStore}' is not known: use Sqlite or AzureStorage."),
        });
        builder.Services.AddSingleton<IEmailSender>(sp => new MeteredEmailSender(Sender(sp), settings.EmailProvider, sp.GetRequiredService<WorkflowsMetrics>()));
        IEmailSender Sender(IServiceProvider sp) => settings.EmailProvider switch
        {
            "Outbox" => new OutboxEmailSender(Path.Combine(dataDirectory, "outbox"), from, sp.GetRequiredService<TimeProvider>()),
            "SendGrid" => new SendGridEmailSender(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient("SendGrid"),
                new SendGridOptions
                {
                    ApiKey = settings.SendGridApiKey ?? throw new InvalidOperationException("Workflows:SendGridApiKey is required when Workflows:EmailProvider is SendGrid."),
                    From = from,
                    Endpoint = settings.SendGridEndpoint,
                },
                sp.GetRequiredService<IRegistryStore>()),
            "Smtp" => new SmtpEmailSender(
                new SmtpOptions
                {
                    Host = settings.SmtpHost ?? throw new InvalidOperationException("Workflows:SmtpHost is required when Workflows:EmailProvider is Smtp."),
                    Port = settings.SmtpPort,
                    UseTls = settings.SmtpUseTls,
                    UserName = settings.SmtpUserName,
                    Password = settings.SmtpPassword,
                    From = from,
                },
                sp.GetRequiredService<IRegistryStore>(),
                sp.GetRequiredService<TimeProvider>()),
            _ => throw new InvalidOperationException($"Workflows:EmailProvider '{settings.EmailProvider}' is not known: use Outbox, SendGrid or Smtp."),
        };
        builder.Services.AddSingleton<IPdfRenderer, SkiaPdfRenderer>();
        builder.Services.AddHttpClient("SendGrid", client => client.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddNetworkWorkflows(host.PublicBaseUrl, sp => Encoding.UTF8.GetBytes(
            settings.LinkSecret ?? LocalSecrets.ReadOrCreate(dataDirectory, "link.key", sp.GetRequiredService<ILogger<NetworkRegistry>>())));
        // Read and checked once the server listens: a broken calendar file stops the host with every error listed before
        // any request but the liveness probe is served.
        builder.Services.AddSingleton(_ => new NetworkCalendars(settings.CalendarDirectory));
        builder.Services.AddHostedService<CalendarsRead>();
        if (!string.IsNullOrWhiteSpace(settings.WheelTickSchedule))
        {
            builder.Services.AddSingleton(new TimerFunction(
                "WheelTick", settings.WheelTickSchedule, (sp, _, cancellation) => sp.GetRequiredService<WheelTick>().RunAsync(cancellation: cancellation)));
        }

        if (settings.SeedNetworks)
        {
            builder.Services.AddHostedService<RegistrySeeding>();
        }
    }

    /// <summary>Reads and checks the calendars when the host starts; an error fails the start.</summary>
    private sealed class CalendarsRead(IServiceProvider services) : AfterServerStart
    {
        protected override Task RunAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<NetworkCalendars>();
            return Task.CompletedTask;
        }
    }

    /// <summary>Adds the three networks to an empty registry when the host starts.</summary>
    private sealed class RegistrySeeding(NetworkRegistry registry, ILogger<RegistrySeeding> logger) : AfterServerStart
    {
        protected override async Task RunAsync(CancellationToken cancellationToken)
        {
            if (await RegistrySeed.SeedWhenEmptyAsync(registry, cancellationToken).ConfigureAwait(false))
            {
                logger.LogInformation("The registry was empty: added the Ahus, Innlandet and Helse Førde networks with their areas and units.");
            }
        }
    }
}
