package dev.holdfast.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.web.BaseUrl;

/**
 * What the console says to someone who started the demo company: where to open it, whom
 * to log in as, and the password, but only one that was generated to be printed. A
 * password given in {@code HOLDFAST_DEMO_PASSWORD} is named, never shown.
 */
@Component
@ConditionalOnBooleanProperty("holdfast.demo.enabled")
class DemoWelcome {

	private final BaseUrl baseUrl;

	private final boolean twoFactor;

	DemoWelcome(BaseUrl baseUrl, @Value("${holdfast.security.two-factor.enforced:true}") boolean twoFactor) {
		this.baseUrl = baseUrl;
		this.twoFactor = twoFactor;
	}

	/**
	 * Prints the welcome; {@code generatedPassword} is null when the password was given.
	 */
	void print(String generatedPassword) {
		System.out.println(text(this.baseUrl.value(), generatedPassword, this.twoFactor));
	}

	static String text(String address, String generatedPassword, boolean twoFactor) {
		String password = (generatedPassword != null) ? generatedPassword
				+ "\n      (shown once; set HOLDFAST_DEMO_PASSWORD to choose it / 只显示这一次，可用 HOLDFAST_DEMO_PASSWORD 指定)"
				: "the one in HOLDFAST_DEMO_PASSWORD / HOLDFAST_DEMO_PASSWORD 中设定的密码";
		String secondFactor = twoFactor ? """
				      Managers, HR, the auditor and it.admin set up two-factor login (an authenticator app) at their
				      first login; reps and customer service go straight in.
				      经理、人事、审计和 it.admin 首次登录时需用身份验证器应用开启两步验证；销售和客服可直接使用。
				""" : "";
		return """

				    Holdfast demo company 守客科技 / 守客演示公司
				      address  地址: %s
				      password 密码 (every demo account 所有演示账号): %s

				    Log in as / 用以下账号登录:
				      east.sales1..east.sales4, south.sales1..south.sales4   sales rep 销售
				      east.manager, south.manager, director                   sales manager 销售经理
				      service1, service2                                      customer service 客服
				      hr.manager (HR 人事), auditor (auditor 审计), it.admin (administrator 管理员)
				%s""".formatted(address, password, secondFactor);
	}

}
