package org.imrworkbench;
public class Launcher { public static void main(String[] a) { System.out.println("x"); } }
