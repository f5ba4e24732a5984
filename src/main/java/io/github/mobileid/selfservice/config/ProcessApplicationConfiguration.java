package io.github.mobileid.selfservice.config;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the application a Camunda process application: {@code META-INF/processes.xml} deploys the
 * BPMN files of {@code bpmn/} and the Camunda Forms of {@code forms/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableProcessApplication
class ProcessApplicationConfiguration {}
