using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.Sections;

/// <summary>What will be done, by a named person, by a date.</summary>
public sealed class ActionsKind : SectionKind
{
    public override string Name => "actions";
    public override bool TakesActions => true;
    public override string EasyReadPicture => "2705";
    public override string BoardPartial => "/Sections/Actions/_Board.cshtml";
    public override string ScreenPartial => "/Sections/Actions/_Screen.cshtml";

    public override void WriteMinutes(SectionMinutes minutes, SectionView section)
    {
        foreach (var action in section.Actions)
        {
            minutes.Append("- ").Append(MarkdownText.EscapeLines(action.What, "  ")).Append("  \n  ").Append(WhoWhenAndHow(minutes.Say, action));
            if (action.Note is { } note)
            {
                minutes.Append("  \n  ").Append(minutes.Say("Minutes.Note", MarkdownText.EscapeLines(note, "  ")));
            }

            minutes.Append("\n");
        }

        if (section.Actions.Count == 0)
        {
            minutes.NothingRecorded();
        }
    }

    public override void WriteEasyRead(EasyReadSection page, SectionView section)
    {
        foreach (var action in section.Actions)
        {
            page.Row(page.PictureOf(EasyReadPictures.For(action.Status)), action.What,
                [page.Say("EasyRead.Who", action.Owner), page.Say("EasyRead.When", Languages.DateInWords(action.Due)),
                    action.Status == ActionStatus.Open ? page.Say("EasyRead.StillToDo") : page.Say($"ActionStatus.{action.Status}")]);
        }
    }

    private static string WhoWhenAndHow(Say say, ActionView action)
    {
        var status = say("Minutes.ActionStatus", say($"ActionStatus.{action.Status}"));
        if (action.CarriedOver)
        {
            return $"{say("Minutes.CarriedWhoWhen", MarkdownText.Escape(action.Owner), action.DueOn)} {(action.Status == ActionStatus.Open ? say("Minutes.NotLookedAt") : status)}";
        }

        // "Overdue" means nothing once an action is done or dropped.
        var whoWhen = action.Status is ActionStatus.Done or ActionStatus.Dropped
            ? say("Minutes.ActionWhoWhenFinished", MarkdownText.Escape(action.Owner), action.DueOn)
            : say("Minutes.ActionWhoWhen", MarkdownText.Escape(action.Owner), action.DueOn, MarkdownText.Escape(action.DueInWords));
        return action.Status == ActionStatus.Open ? whoWhen : $"{whoWhen} {status}";
    }
}
