using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Forms;

namespace ReviewRoom.Pages.Account;

/// <summary>Puts each refusal of an account form beside the field it is about.</summary>
public static class AccountForm
{
    public static void Show(FormErrors errors, ReviewRuleException refusal, ReviewErrorText errorText)
    {
        foreach (var error in refusal.Errors)
        {
            errors.Add(error switch
            {
                ReviewError.SetupCodeWrong => "setup-code",
                ReviewError.NameMissing or ReviewError.NameTooLong => "name",
                ReviewError.EmailInvalid or ReviewError.EmailTaken => "email",
                ReviewError.PasswordTooShort => "password",
                _ => "name",
            }, errorText.For(error));
        }
    }
}
