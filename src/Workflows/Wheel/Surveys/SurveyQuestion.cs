namespace Workflows.Wheel.Surveys;

/// <summary>One question: yes/no, a whole number, or free text (optional).</summary>
/// <param name="Id">The answer's key.</param>
/// <param name="Text">The question in the network's language.</param>
/// <param name="Kind"><c>yes-no</c>, <c>number</c> or <c>text</c>.</param>
/// <param name="Required">Whether it must be answered.</param>
public sealed record SurveyQuestion(string Id, string Text, string Kind, bool Required);
