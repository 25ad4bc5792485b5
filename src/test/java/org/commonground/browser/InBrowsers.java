package org.commonground.browser;

import io.vertx.junit5.VertxExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives headless Chromium: skipped, saying why, on a machine without Debian's chromium
 * and chromium-driver (.ci/run installs them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "org.commonground.browser.Browser#available",
    disabledReason = "chromium and chromium-driver are not installed (.ci/run installs them)")
@ExtendWith(VertxExtension.class)
@interface InBrowsers {}
