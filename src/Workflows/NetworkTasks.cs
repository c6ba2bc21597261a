using Microsoft.DurableTask;
using Workflows.Onboarding;
using Workflows.Onboarding.Activities;
using Workflows.Resignation;
using Workflows.Resignation.Activities;
using Workflows.Wheel.Activities;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Courses.Activities;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Reports;
using Workflows.Wheel.Reports.Activities;
using Workflows.Wheel.Surveys;
using Workflows.Wheel.Surveys.Activities;
using Workflows.WorkPlan;

namespace Workflows;

/// <summary>The network's orchestrators and activities, for the host's Durable Task worker.</summary>
public static class NetworkTasks
{
    /// <summary>Registers every orchestrator and activity of the network domain.</summary>
    public static DurableTaskRegistry AddNetworkTasks(this DurableTaskRegistry tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return tasks
            .AddOrchestrator<OnboardingOrchestration>()
            .AddActivity<PrepareOnboardingDocuments>()
            .AddActivity<SendWelcome>()
            .AddActivity<RequestSignature>()
            .AddActivity<EscalateSigning>()
            .AddActivity<ExpireSigning>()
            .AddActivity<FileSignedFunctionDescription>()
            .AddActivity<EnrolInCourses>()
            .AddActivity<StartWorkPlanReminders>()
            .AddOrchestrator<WorkPlanReminders>()
            .AddActivity<SendWorkPlanReminder>()
            .AddOrchestrator<ResignationOrchestration>()
            .AddActivity<RecordResignation>()
            .AddActivity<SendResignationNotices>()
            .AddActivity<MarkNurseInactive>()
            .AddActivity<RequestReplacement>()
            .AddActivity<AnnounceReplacement>()
            .AddActivity<EraseNursePersonalData>()
            .AddOrchestrator<LocalGatheringOrchestration>()
            .AddOrchestrator<MeetingOrchestration>()
            .AddActivity<SendWheelInvitations>()
            .AddOrchestrator<StrategyRevisionOrchestration>()
            .AddOrchestrator<NewsletterOrchestration>()
            .AddActivity<RequestDocument>()
            .AddActivity<ShareDocument>()
            .AddOrchestrator<CourseOrchestration>()
            .AddActivity<OpenCourse>()
            .AddActivity<SendCourseInvitations>()
            .AddActivity<SendRegistrationNotice>()
            .AddActivity<CountRoster>()
            .AddActivity<SendCourseReminders>()
            .AddActivity<CloseRegistration>()
            .AddActivity<IssueCertificates>()
            .AddOrchestrator<SurveyOrchestration>()
            .AddActivity<SendSurveys>()
            .AddActivity<SummarizeSurvey>()
            .AddActivity<DraftAnnualReport>()
            .AddOrchestrator<AnnualReportPublicationOrchestration>()
            .AddActivity<RequestApproval>()
            .AddActivity<PublishAnnualReport>();
    }
}
