using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Courses;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Network.Reports;
using Workflows.Onboarding;
using Workflows.Onboarding.Activities;
using Workflows.Resignation;
using Workflows.Resignation.Activities;
using Workflows.Signing;
using Workflows.Telemetry;
using Workflows.Waiting;
using Workflows.Wheel.Activities;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Courses.Activities;
using Workflows.Wheel.Events;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Overview;
using Workflows.Wheel.Reports;
using Workflows.Wheel.Reports.Activities;
using Workflows.Wheel.Surveys;
using Workflows.Wheel.Surveys.Activities;
using Workflows.Wheel.Tick;
using Workflows.Wheel.Uploads;
using Workflows.WorkPlan;

namespace Workflows;

/// <summary>Adds the network domain: registry, reports, onboarding and resignation flows, links and mail.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the domain's services and orchestrations. The host adds an <see cref="Network.Storage.IRegistryStore"/>,
    /// an <see cref="Email.IEmailSender"/>, an <see cref="Documents.IDocumentStore"/>, the
    /// <see cref="NetworkCalendars"/> and the engine.
    /// </summary>
    /// <param name="services">The service collection (with an <see cref="System.Diagnostics.Metrics.IMeterFactory"/>, as every .NET host adds).</param>
    /// <param name="publicBaseUrl">Where people reach the host, for links in emails.</param>
    /// <param name="linkSecret">Gives at least 32 bytes signing the links.</param>
    public static IServiceCollection AddNetworkWorkflows(this IServiceCollection services, Uri publicBaseUrl, Func<IServiceProvider, byte[]> linkSecret)
    {
        services.AddSingleton<WorkflowsMetrics>();
        services.AddSingleton<SigningBacklogCount>();
        services.AddSingleton<NetworkRegistry>();
        services.AddSingleton<RegistryReports>();
        services.AddSingleton<NetworkMail>();
        services.AddSingleton(sp => new LinkTokens(linkSecret(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WorkflowLinks(publicBaseUrl, sp.GetRequiredService<LinkTokens>(), sp.GetRequiredService<Network.Storage.IRegistryStore>()));
        services.AddSingleton<CourseCalendar>();
        services.AddSingleton<NurseOnboarding>();
        services.AddSingleton<Resignations>();
        services.AddSingleton<SigningDesk>();
        services.AddSingleton<NominationDesk>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<WheelLinks>();
        services.AddSingleton<WheelTick>();
        services.AddSingleton<WheelOverview>();
        services.AddSingleton<WaitingOnPeople>();
        services.AddSingleton<UploadDesk>();
        services.AddSingleton<NewsletterDesk>();
        services.AddSingleton<CourseRosters>();
        services.AddSingleton<RegistrationDesk>();
        services.AddSingleton<AttendanceDesk>();
        services.AddSingleton<SurveyParticipants>();
        services.AddSingleton<SurveyDesk>();
        services.AddSingleton<ApprovalDesk>();
        return services;
    }
}
